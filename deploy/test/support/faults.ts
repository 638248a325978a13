// What the fault tests share beyond the cluster's own state helpers: the CA as PEM, a process's
// own readiness status, waiting for a condition, whether a pid is alive, which of some processes
// owns a local TCP port (to tell which worker runs a job from PostgreSQL's pg_stat_activity),
// and the JSON log lines of a process.
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { ClusterState } from '../../cluster/state.ts';

/** The cluster's CA certificate as PEM (the state names its file, or holds the PEM itself). */
export function caPem(state: Pick<ClusterState, 'ca'>): string {
  return state.ca.includes('-----BEGIN') ? state.ca : readFileSync(state.ca, 'utf8');
}

/** The status of http://127.0.0.1:<port>/health/ready, or 0 when nothing answers in 3 s. */
export async function readyStatus(port: number): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it answers a truthy value (answered) or the time is up (throws, naming `what`). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs: number,
  everyMs = 200,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The socket inodes of TCP connections whose local end is 127.0.0.1:<port> (from /proc/net/tcp). */
function socketInodes(localPort: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[1];
      if (!local) continue;
      const port = Number.parseInt(local.split(':').at(-1) ?? '', 16);
      if (port === localPort && cols[9]) inodes.add(cols[9]);
    }
  }
  return inodes;
}

/** Which of `pids` holds a TCP connection from local port `localPort` (null when none). */
export function pidOwningPort(pids: number[], localPort: number): number | null {
  const inodes = socketInodes(localPort);
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // The fd closed meanwhile.
      }
    }
  }
  return null;
}

/** The JSON log lines of a file (lines that do not parse are left out). */
export function logLines(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  const out: Record<string, unknown>[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // A half-written last line, or a line that is not JSON.
    }
  }
  return out;
}
