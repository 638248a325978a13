// What `npm run cluster -- up` stood up, as tests and tools read it: `<dir>/state.json`.
//
//   import { readState, processPid, stopService, startService, reloadNginx } from '../cluster/state.ts';
//   const state = readState();                 // CLUSTER_STATE=<dir>/state.json, or a path
//   state.apps.attn.url                        // https://localhost:<port> through nginx (TLS from state.ca)
//   state.ca                                   // the test CA's certificate (trust it: NODE_EXTRA_CA_CERTS, curl --cacert)
//   state.processes                            // every app process: name ('attn-api-1', 'acube-worker-2'),
//                                              // app, role ('api' | 'worker'), port (its own /health/*), log
//   processPid(state, 'attn-api-2')            // the pid NOW (the supervisor rewrites it on every restart)
//   processInfo(state, 'attn-api-2')           // pid, starts, exits so far (code, signal, when)
//   await waitReady(state, 'attn-api-2')       // until its own /health/ready answers 200 (after a restart)
//   await stopService(state, 'redis')          // stop Redis (or 'postgres'); startService brings it back on
//   await startService(state, 'redis')         // the same port and data
//   await reloadNginx(state)                   // `nginx -s reload` with the cluster's conf and prefix
//   await restartProcess(state, 'attn-api-1')   // drain (SIGTERM), the supervisor restarts it, until ready
//   await appDatabaseUrl(state, 'attn')        // the app's DATABASE_URL (read from its secret file)
//
// Only the supervisor writes state.json after `up` (pids, starts, exits), by write-and-rename, so
// a reader never sees half a file. Read it again (readState) to see a restart.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type AppName = 'attn' | 'acube';
export type ProcessRole = 'api' | 'worker';

export interface ExitRecord {
  /** Exit code, null when a signal ended it. */
  code: number | null;
  signal: string | null;
  /** ISO time of the exit. */
  at: string;
  /** How long the process had run, in ms. */
  uptimeMs: number;
}

export interface ShutdownRecord {
  code: number | null;
  signal: string | null;
  /** From the supervisor's SIGTERM to the exit, in ms. */
  tookMs: number;
}

export interface ClusterProcess {
  /** `<app>-<role>-<n>`, also its INSTANCE_ID (the `X-Instance` header of its answers). */
  name: string;
  app: AppName;
  role: ProcessRole;
  /** Its own port on 127.0.0.1 (API instances sit behind nginx; workers serve only /health and /metrics). */
  port: number;
  /** The current pid; null before the first start or while it waits to be restarted. */
  pid: number | null;
  /** How many times the supervisor started it (1 = never restarted). */
  starts: number;
  /** Every exit, in order (crashes and the final SIGTERM). */
  exits: ExitRecord[];
  /** Set by `down`: how the process answered SIGTERM. */
  shutdown?: ShutdownRecord;
  /** stdout and stderr (JSON log lines), appended across restarts. */
  log: string;
}

export interface ClusterApp {
  /** https://localhost:<httpsPort> through nginx. */
  url: string;
  /** http://localhost:<httpPort>: answers 301 to the https URL (but the ACME path). */
  httpUrl: string;
  httpsPort: number;
  httpPort: number;
  /** File holding DATABASE_URL (with its password): DATABASE_URL_FILE of the app's processes. */
  databaseUrlFile: string;
  /** APP_SECRET_FILE of the app's processes. */
  secretFile: string;
  /** METRICS_TOKEN_FILE of the app's processes (`Authorization: Bearer <token>` on /metrics). */
  metricsTokenFile: string;
  /** Where `migrate` wrote its output (run once, before any instance started). */
  migrateLog: string;
}

export interface ClusterState {
  dir: string;
  startedAt: string;
  /** SHUTDOWN_TIMEOUT_MS given to every process. */
  shutdownTimeoutMs: number;
  /** The test CA's certificate (PEM): trust it to reach the https URLs. */
  ca: string;
  apps: Record<AppName, ClusterApp>;
  nginx: {
    bin: string;
    prefix: string;
    conf: string;
    pidFile: string;
    errorLog: string;
    accessLog: string;
    certificate: string;
    certificateKey: string;
  };
  postgres: {
    bin: string;
    data: string;
    host: string;
    port: number;
    log: string;
    /** The OS user PostgreSQL runs as ('postgres' when up ran as root), null: the current user. */
    osUser: string | null;
    /** File holding the superuser's URL (postgres://postgres:<password>@127.0.0.1:<port>/postgres). */
    adminUrlFile: string;
  };
  redis: { port: number; conf: string; pidFile: string; log: string; urlFile: string };
  supervisor: { pid: number; log: string };
  processes: ClusterProcess[];
}

/** Reads the state file (default: $CLUSTER_STATE). */
export function readState(path = process.env.CLUSTER_STATE): ClusterState {
  if (!path) throw new Error('CLUSTER_STATE is not set: run the tests through npm run test:cluster');
  return JSON.parse(readFileSync(path, 'utf8')) as ClusterState;
}

/** The state file of a state (to read it again). */
export function statePath(state: Pick<ClusterState, 'dir'>): string {
  return `${state.dir}/state.json`;
}

/** A process's record as the supervisor has it now (read fresh from disk). */
export function processInfo(state: Pick<ClusterState, 'dir'>, name: string): ClusterProcess {
  const found = readState(statePath(state)).processes.find((p) => p.name === name);
  if (!found) throw new Error(`no process named ${name}`);
  return found;
}

/** A process's pid now (read fresh: the supervisor rewrites it on every restart). */
export function processPid(state: Pick<ClusterState, 'dir'>, name: string): number | null {
  return processInfo(state, name).pid;
}

/** Polls a process's own /health/ready until 200 (true) or the time is up (false). */
export async function waitReady(state: ClusterState, name: string, timeoutMs = 60_000): Promise<boolean> {
  const proc = state.processes.find((p) => p.name === name);
  if (!proc) throw new Error(`no process named ${name}`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isReady(proc.port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** One look at http://127.0.0.1:<port>/health/ready. */
export async function isReady(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** The app's DATABASE_URL (for a test's own queries). */
export function appDatabaseUrl(state: ClusterState, app: AppName): string {
  return readFileSync(state.apps[app].databaseUrlFile, 'utf8').trim();
}

/** The Redis URL (with its password). */
export function redisUrl(state: ClusterState): string {
  return readFileSync(state.redis.urlFile, 'utf8').trim();
}

export type ServiceName = 'redis' | 'postgres';

function asPostgresUser(state: ClusterState, command: string, args: string[]): [string, string[]] {
  return state.postgres.osUser
    ? ['runuser', ['-u', state.postgres.osUser, '--', command, ...args]]
    : [command, args];
}

/** Stops Redis or PostgreSQL (fast: open connections are cut) and returns once it is down. */
export async function stopService(state: ClusterState, service: ServiceName): Promise<void> {
  if (service === 'postgres') {
    const [cmd, args] = asPostgresUser(state, `${state.postgres.bin}/pg_ctl`, [
      '-D',
      state.postgres.data,
      '-m',
      'fast',
      '-w',
      'stop',
    ]);
    await run(cmd, args);
    return;
  }
  let pid: number;
  try {
    pid = Number(readFileSync(state.redis.pidFile, 'utf8').trim());
  } catch {
    return;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Redis (pid ${pid}) did not stop within 10 s`);
}

/** Starts Redis or PostgreSQL again on the same port and data; returns once it accepts connections. */
export async function startService(state: ClusterState, service: ServiceName): Promise<void> {
  const { startPostgres, startRedis } = await import('./services.ts');
  if (service === 'postgres') await startPostgres(state.postgres);
  else await startRedis(state.redis);
}

/** `nginx -s reload` with the cluster's configuration (new workers take over; none is dropped). */
export async function reloadNginx(state: ClusterState): Promise<void> {
  await run(state.nginx.bin, ['-p', state.nginx.prefix, '-c', state.nginx.conf, '-s', 'reload']);
}

/** `nginx -t` on the cluster's configuration; rejects with nginx's message when it fails. */
export async function testNginx(state: ClusterState): Promise<string> {
  const { stderr } = await run(state.nginx.bin, ['-p', state.nginx.prefix, '-c', state.nginx.conf, '-t']);
  return stderr;
}

/**
 * Drains and restarts one process: SIGTERM (it stops accepting, answers not ready, finishes
 * what it has within SHUTDOWN_TIMEOUT_MS and exits 0), the supervisor starts it again, and this
 * resolves when the new process is ready. Its exit is in processInfo(...).exits.
 */
export async function restartProcess(
  state: ClusterState,
  name: string,
  timeoutMs = 120_000,
): Promise<ClusterProcess> {
  const before = processInfo(state, name);
  if (!before.pid) throw new Error(`${name} is not running`);
  process.kill(before.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const now = processInfo(state, name);
    if (now.pid && now.pid !== before.pid && (await isReady(now.port))) return now;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not back and ready within ${timeoutMs} ms`);
}
