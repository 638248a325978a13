// `npm run cluster -- down`: SIGTERM to the supervisor (which sends SIGTERM to every process,
// waits and records how each exited), then nginx, Redis and PostgreSQL. The folder stays (logs,
// state.json with every exit) unless `--purge`. Safe to run twice, and after a failed `up`.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { stopPostgres } from './services.ts';
import { type ClusterState, readState, stopService } from './state.ts';
import { isAlive } from './up.ts';

const run = promisify(execFile);
const say = (line: string) => console.log(`[cluster] ${line}`);

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

function readPid(file: string): number | null {
  try {
    return Number(readFileSync(file, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

export async function down(opts: { dir: string; purge?: boolean }): Promise<ClusterState | null> {
  const dir = resolve(opts.dir);
  const statePath = join(dir, 'state.json');
  if (!existsSync(statePath)) {
    say(`no cluster in ${dir}`);
    if (opts.purge) rmSync(dir, { recursive: true, force: true });
    return null;
  }
  let state = readState(statePath);
  const grace = state.shutdownTimeoutMs + 20_000;
  if (isAlive(state.supervisor.pid)) {
    say('stopping the app processes (SIGTERM through the supervisor)');
    process.kill(state.supervisor.pid, 'SIGTERM');
    if (!(await waitGone(state.supervisor.pid, grace))) {
      say('the supervisor did not stop: SIGKILL');
      process.kill(state.supervisor.pid, 'SIGKILL');
    }
  }
  state = readState(statePath);
  // A supervisor that died leaves its children running: stop them here.
  for (const p of state.processes) {
    if (p.pid && isAlive(p.pid)) {
      say(`${p.name} (pid ${p.pid}) outlived its supervisor: SIGTERM`);
      process.kill(p.pid, 'SIGTERM');
      if (!(await waitGone(p.pid, grace))) process.kill(p.pid, 'SIGKILL');
    }
  }
  const nginxPid = readPid(state.nginx.pidFile);
  if (nginxPid && isAlive(nginxPid)) {
    say('stopping nginx');
    await run(state.nginx.bin, ['-p', state.nginx.prefix, '-c', state.nginx.conf, '-s', 'quit']).catch(() =>
      process.kill(nginxPid, 'SIGTERM'),
    );
    if (!(await waitGone(nginxPid, 15_000))) process.kill(nginxPid, 'SIGKILL');
  }
  say('stopping Redis and PostgreSQL');
  await stopService(state, 'redis').catch((err: Error) => say(`Redis: ${err.message}`));
  await stopPostgres(state.postgres).catch((err: Error) => say(`PostgreSQL: ${err.message}`));
  for (const p of state.processes) {
    const s = p.shutdown;
    say(
      s
        ? `${p.name}: exit ${s.code ?? '-'}${s.signal ? ` (${s.signal})` : ''} after ${s.tookMs} ms, started ${p.starts}×`
        : `${p.name}: no shutdown recorded`,
    );
  }
  if (opts.purge) rmSync(dir, { recursive: true, force: true });
  else say(`logs and state kept in ${dir} (down --purge removes them)`);
  return state;
}
