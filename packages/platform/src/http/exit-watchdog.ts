// Node can hang inside process.exit: a V8 background compile waits for a garbage collection that
// the exiting main thread will never run, and the main thread waits for it (nodejs/node#54918,
// #64274; caught here by bench:startup, the app closed and then never gone). By then everything
// is closed, so a small detached watcher kills the process when it is still here after `ms`. It
// compares the process's start time first, so a pid reused by another process is never hit.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The process's start time in clock ticks (field 22 of /proc/<pid>/stat). */
export function startTimeOf(stat: string): string {
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

/** Arms the watcher (Linux only; elsewhere nothing happens). Returns whether it was armed. */
export function armExitWatchdog(ms: number, pid = process.pid): boolean {
  if (process.platform !== 'linux') return false;
  let started: string;
  try {
    started = startTimeOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
  if (!/^\d+$/.test(started)) return false;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const script = [
    `sleep ${seconds}`,
    `s=$(cat /proc/${pid}/stat 2>/dev/null) || exit 0`,
    `set -- \${s##*) }`,
    `[ "\${20}" = "${started}" ] && kill -9 ${pid}`,
  ].join('; ');
  const watcher = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watcher.on('error', () => {});
  watcher.unref();
  return true;
}
