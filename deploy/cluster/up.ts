// `npm run cluster -- up`: PostgreSQL (durable) and Redis, each app's migrate once, the API
// instances and job processes under the supervisor, nginx with TLS from the test CA; returns
// when every process is ready on its own port and each app answers ready through nginx.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { preparePrefix, renderNginxConfig } from '../nginx/render.ts';
import { httpsGet } from './https-get.ts';
import { APPS, appEnv, cliPath, plannedProcess, processName, REPO } from './plan.ts';
import {
  createAppDatabase,
  initPostgres,
  initRedis,
  startPostgres,
  startRedis,
  stopPostgres,
} from './services.ts';
import {
  type AppName,
  type ClusterProcess,
  type ClusterState,
  isReady,
  stopService,
  testNginx,
} from './state.ts';

const run = promisify(execFile);

export interface UpOptions {
  dir: string;
  attn: number;
  acube: number;
  workers: number;
  /** ATTN's https port; A-Cube's is the next one. 0: free ports. */
  httpsPort: number;
  /** ATTN's http port (301 to https); A-Cube's is the next one. 0: free ports. */
  httpPort: number;
  shutdownTimeoutMs: number;
  /** How long every process may take to be ready (a busy 2-core machine starts 9 slowly). */
  readyTimeoutMs: number;
}

const say = (line: string) => console.log(`[cluster] ${line}`);
const secret = () => randomBytes(32).toString('base64url');

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function writeSecret(path: string, value: string) {
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
}

export function isAlive(pid: number | null | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function runLogged(command: string, args: string[], env: Record<string, string>, log: string) {
  const out = openSync(log, 'a');
  try {
    const child = spawn(command, args, { cwd: REPO, env, stdio: ['ignore', out, out] });
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code}); see ${log}`);
  } finally {
    closeSync(out);
  }
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

export async function up(opts: UpOptions): Promise<ClusterState> {
  // Until state.json exists, `down` cannot find what was started: stop it here on a failure.
  const undo: Array<() => Promise<void>> = [];
  try {
    return await upSteps(opts, undo);
  } catch (err) {
    if (!existsSync(join(resolve(opts.dir), 'state.json'))) {
      for (const step of undo.reverse()) await step().catch(() => {});
    }
    throw err;
  }
}

async function upSteps(opts: UpOptions, undo: Array<() => Promise<void>>): Promise<ClusterState> {
  const dir = resolve(opts.dir);
  const statePath = join(dir, 'state.json');
  if (existsSync(statePath)) {
    const old = JSON.parse(readFileSync(statePath, 'utf8')) as ClusterState;
    if (isAlive(old.supervisor.pid))
      throw new Error(`a cluster is already up in ${dir}: npm run cluster -- down`);
    say(`removing the stopped cluster left in ${dir}`);
    const { down } = await import('./down.ts');
    await down({ dir, purge: true });
  }
  const started = Date.now();
  await run('bash', [join(REPO, 'deploy/services/ensure-packages.sh'), 'postgres', 'redis', 'nginx']);
  for (const sub of ['', 'logs', 'data', 'nginx']) mkdirSync(join(dir, sub), { recursive: true });
  // PostgreSQL's own user must reach its data folder below this one.
  chmodSync(dir, 0o755);
  const secrets = join(dir, 'secrets');
  mkdirSync(secrets, { recursive: true, mode: 0o700 });

  say('test CA and server certificate');
  const tls = join(dir, 'tls');
  await run('bash', [join(REPO, 'deploy/tls/make-test-ca.sh'), tls, 'localhost']);

  const httpsBase = opts.httpsPort || (await freePort());
  const httpBase = opts.httpPort || (await freePort());
  const portOf = async (base: number, given: number, i: number) =>
    given ? base + i : i === 0 ? base : await freePort();
  const apps = {} as ClusterState['apps'];
  for (const [i, app] of APPS.entries()) {
    const httpsPort = await portOf(httpsBase, opts.httpsPort, i);
    const httpPort = await portOf(httpBase, opts.httpPort, i);
    apps[app] = {
      url: `https://localhost:${httpsPort}`,
      httpUrl: `http://localhost:${httpPort}`,
      httpsPort,
      httpPort,
      databaseUrlFile: join(secrets, `${app}-database-url`),
      secretFile: join(secrets, `${app}-app-secret`),
      metricsTokenFile: join(secrets, `${app}-metrics-token`),
      migrateLog: join(dir, 'logs', `${app}-migrate.log`),
    };
    writeSecret(apps[app].secretFile, secret());
    writeSecret(apps[app].metricsTokenFile, secret());
  }

  say('PostgreSQL (fsync on, synchronous_commit on)');
  const adminPassword = secret();
  const pg = await initPostgres({ dir, port: await freePort(), password: adminPassword });
  const postgres: ClusterState['postgres'] = { ...pg, adminUrlFile: join(secrets, 'postgres-admin-url') };
  writeSecret(postgres.adminUrlFile, `postgres://postgres:${adminPassword}@127.0.0.1:${pg.port}/postgres`);
  await startPostgres(postgres);
  undo.push(() => stopPostgres(postgres));
  for (const app of APPS) {
    const password = secret();
    await createAppDatabase(postgres, adminPassword, app, password);
    writeSecret(apps[app].databaseUrlFile, `postgres://${app}:${password}@127.0.0.1:${pg.port}/${app}`);
  }

  say('Redis');
  const redisPassword = secret();
  const redisBase = initRedis({ dir, port: await freePort(), password: redisPassword });
  const redis: ClusterState['redis'] = { ...redisBase, urlFile: join(secrets, 'redis-url') };
  writeSecret(redis.urlFile, `redis://:${redisPassword}@127.0.0.1:${redis.port}`);
  await startRedis(redis);
  undo.push(() => stopService({ redis } as ClusterState, 'redis'));

  const processes: ClusterProcess[] = [];
  const counts: Record<AppName, number> = { attn: opts.attn, acube: opts.acube };
  for (const app of APPS) {
    for (const [role, n] of [
      ['api', counts[app]],
      ['worker', opts.workers],
    ] as const) {
      for (let i = 1; i <= n; i++) {
        const name = processName(app, role, i);
        mkdirSync(join(dir, 'data', name), { recursive: true });
        processes.push({
          name,
          app,
          role,
          port: await freePort(),
          pid: null,
          starts: 0,
          exits: [],
          log: join(dir, 'logs', `${name}.log`),
        });
      }
    }
  }
  const prefix = join(dir, 'nginx');
  const state: ClusterState = {
    dir,
    startedAt: new Date().toISOString(),
    shutdownTimeoutMs: opts.shutdownTimeoutMs,
    ca: join(tls, 'ca.crt'),
    apps,
    nginx: {
      bin: '/usr/sbin/nginx',
      prefix,
      conf: join(prefix, 'nginx.conf'),
      pidFile: join(prefix, 'nginx.pid'),
      errorLog: join(prefix, 'logs', 'error.log'),
      accessLog: join(prefix, 'logs', 'access.log'),
      certificate: join(tls, 'server.crt'),
      certificateKey: join(tls, 'server.key'),
    },
    postgres,
    redis,
    supervisor: { pid: 0, log: join(dir, 'logs', 'supervisor.log') },
    processes,
  };
  writeFileSync(join(dir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  const plan = processes.map((p) => plannedProcess(state, p));
  writeFileSync(join(dir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`, { mode: 0o600 });

  say('web UIs (built once here, so instances starting together do not race to build them)');
  await runLogged(
    process.execPath,
    [join(REPO, 'scripts/build-web.ts')],
    appEnv(state, 'attn'),
    join(dir, 'logs', 'build-web.log'),
  );

  say('migrations: once per app, before any instance starts');
  await Promise.all(
    APPS.map((app) =>
      runLogged(
        process.execPath,
        [cliPath(app), 'migrate'],
        { ...appEnv(state, app), DATA_DIR: join(dir, 'data', `${app}-migrate`) },
        apps[app].migrateLog,
      ),
    ),
  );

  say(`supervisor: ${processes.length} processes`);
  const supOut = openSync(state.supervisor.log, 'a');
  const supervisor = spawn(process.execPath, [join(REPO, 'deploy/cluster/supervisor.ts'), dir], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', supOut, supOut],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  closeSync(supOut);
  supervisor.unref();

  say('nginx');
  preparePrefix(prefix);
  const dhparam = join(tls, 'dhparam.pem');
  const conf = renderNginxConfig({
    prefix,
    accessLog: state.nginx.accessLog,
    errorLog: state.nginx.errorLog,
    ...(existsSync(dhparam) ? { dhparam } : {}),
    workerProcesses: 2,
    sites: APPS.map((app) => {
      const webRoot = join(REPO, 'apps', app, 'web', 'dist');
      return {
        app,
        serverName: 'localhost',
        listen: { host: '127.0.0.1', https: apps[app].httpsPort, http: apps[app].httpPort },
        upstreams: processes
          .filter((p) => p.app === app && p.role === 'api')
          .map((p) => `127.0.0.1:${p.port}`),
        certificate: state.nginx.certificate,
        certificateKey: state.nginx.certificateKey,
        acmeRoot: join(dir, 'acme'),
        ...(existsSync(webRoot) ? { webRoot } : {}),
      };
    }),
  });
  mkdirSync(join(dir, 'acme'), { recursive: true });
  writeFileSync(state.nginx.conf, conf);
  await testNginx(state);
  await run(state.nginx.bin, ['-p', prefix, '-c', state.nginx.conf]);

  say('waiting for every process to be ready');
  await waitUntil(
    'the processes',
    async () => (await Promise.all(processes.map((p) => isReady(p.port)))).every(Boolean),
    opts.readyTimeoutMs,
  );
  const ca = readFileSync(state.ca, 'utf8');
  for (const app of APPS) {
    await waitUntil(
      `${app} through nginx`,
      async () =>
        (await httpsGet(`${apps[app].url}/health/ready`, ca).catch(() => ({ status: 0 }))).status === 200,
      30_000,
    );
  }
  say(`up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(readFileSync(statePath, 'utf8')) as ClusterState;
}
