// What runs in the cluster: the names, ports and environment of every app process, and the
// one-shot migrate of each app. Secrets reach the apps as files (`*_FILE`), never as values.
import { join } from 'node:path';
import type { AppName, ClusterProcess, ClusterState, ProcessRole } from './state.ts';
import type { PlannedProcess } from './supervisor.ts';

export const APPS: AppName[] = ['attn', 'acube'];
export const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

export function cliPath(app: AppName): string {
  return join(REPO, 'apps', app, 'api', 'src', 'cli.ts');
}

/** The environment every process of an app gets (ROLE, PORT and INSTANCE_ID are added per process). */
export function appEnv(state: ClusterState, app: AppName): Record<string, string> {
  const a = state.apps[app];
  const pass = Object.fromEntries(
    ['PATH', 'HOME', 'LANG', 'TZ', 'LOG_LEVEL'].flatMap((k) =>
      process.env[k] ? [[k, process.env[k] as string]] : [],
    ),
  );
  return {
    ...pass,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PUBLIC_URL: a.url,
    TRUST_PROXY: '127.0.0.1',
    DATABASE_URL_FILE: a.databaseUrlFile,
    REDIS_URL_FILE: state.redis.urlFile,
    APP_SECRET_FILE: a.secretFile,
    METRICS_TOKEN_FILE: a.metricsTokenFile,
    SHUTDOWN_TIMEOUT_MS: String(state.shutdownTimeoutMs),
    // The one-shot migrate ran before any instance: none of them migrates again.
    MIGRATE_ON_START: 'false',
    // Their output goes to the supervisor's per-process log (JSON lines).
    LOG_FILE: 'off',
    // Node's compile cache, filled by the migrate run: each later start compiles less (about a
    // quarter less CPU for nine processes starting together on a small machine).
    NODE_COMPILE_CACHE: join(state.dir, 'compile-cache'),
  };
}

export function processName(app: AppName, role: ProcessRole, n: number): string {
  return `${app}-${role}-${n}`;
}

export function plannedProcess(state: ClusterState, proc: ClusterProcess): PlannedProcess {
  const env: Record<string, string> = {
    ...appEnv(state, proc.app),
    ROLE: proc.role,
    PORT: String(proc.port),
    INSTANCE_ID: proc.name,
    DATA_DIR: join(state.dir, 'data', proc.name),
  };
  // ATTN's face analysis holds its model per thread (about 550 MB): one per job process here.
  if (proc.app === 'attn') env.FACE_THREADS = '1';
  // The working directory is the process's own folder: a stray .env in the repository is not read.
  return {
    name: proc.name,
    command: process.execPath,
    args: [cliPath(proc.app), 'serve'],
    cwd: env.DATA_DIR as string,
    env,
  };
}
