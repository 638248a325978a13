// PostgreSQL (durable: fsync and synchronous_commit on) and Redis for the cluster, from Debian's
// packages, on 127.0.0.1, each with a password; data and logs under the cluster's folder.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AppName, ClusterState } from './state.ts';

const run = promisify(execFile);

export type PostgresState = ClusterState['postgres'];
export type RedisState = ClusterState['redis'];

export function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'postgres')))
    : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest)
    throw new Error('PostgreSQL is not installed: bash deploy/services/ensure-packages.sh postgres');
  return join(base, newest, 'bin');
}

function osUserArgs(osUser: string | null, command: string, args: string[]): [string, string[]] {
  return osUser ? ['runuser', ['-u', osUser, '--', command, ...args]] : [command, args];
}

/** Resolves once something accepts TCP connections on 127.0.0.1:<port>. */
export async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

/** initdb with a superuser password and the cluster's settings in postgresql.conf. */
export async function initPostgres(opts: {
  dir: string;
  port: number;
  password: string;
}): Promise<Omit<PostgresState, 'adminUrlFile'>> {
  const bin = postgresBin();
  const root = join(opts.dir, 'postgres');
  const data = join(root, 'data');
  mkdirSync(root, { recursive: true });
  const osUser = process.getuid?.() === 0 ? 'postgres' : null;
  const pwfile = join(root, 'initdb.pw');
  writeFileSync(pwfile, `${opts.password}\n`, { mode: 0o600 });
  if (osUser) {
    const { stdout } = await run('id', ['-u', osUser]);
    const { stdout: gid } = await run('id', ['-g', osUser]);
    chownSync(root, Number(stdout), Number(gid));
    chownSync(pwfile, Number(stdout), Number(gid));
  }
  const [cmd, args] = osUserArgs(osUser, `${bin}/initdb`, [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'scram-sha-256',
    `--pwfile=${pwfile}`,
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  await run(cmd, args);
  await run('rm', ['-f', pwfile]);
  // Durable: what a production server runs with (deploy/services/start.sh turns these off for tests).
  const settings = [
    `port = ${opts.port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${root}'`,
    'fsync = on',
    'synchronous_commit = on',
    'full_page_writes = on',
    'max_connections = 300',
    'shared_buffers = 128MB',
  ];
  const [sh, shArgs] = osUserArgs(osUser, 'sh', ['-c', `cat >> '${data}/postgresql.conf'`]);
  await new Promise<void>((resolve, reject) => {
    const child = execFile(sh, shArgs, (err) => (err ? reject(err) : resolve()));
    child.stdin?.end(`\n# npm run cluster\n${settings.join('\n')}\n`);
  });
  return { bin, data, host: '127.0.0.1', port: opts.port, log: join(root, 'server.log'), osUser };
}

/** pg_ctl start; resolves when it accepts connections. */
export async function startPostgres(pg: PostgresState): Promise<void> {
  const [cmd, args] = osUserArgs(pg.osUser, `${pg.bin}/pg_ctl`, [
    '-D',
    pg.data,
    '-l',
    pg.log,
    '-w',
    '-t',
    '60',
    'start',
  ]);
  await run(cmd, args);
}

export async function stopPostgres(pg: PostgresState): Promise<void> {
  if (!existsSync(join(pg.data, 'postmaster.pid'))) return;
  const [cmd, args] = osUserArgs(pg.osUser, `${pg.bin}/pg_ctl`, ['-D', pg.data, '-m', 'fast', '-w', 'stop']);
  await run(cmd, args);
}

/** Runs SQL as the superuser through psql (over TCP, with the password). */
export async function psql(
  pg: PostgresState,
  password: string,
  sql: string,
  database = 'postgres',
): Promise<string> {
  const { stdout } = await run(
    `${pg.bin}/psql`,
    [
      '-h',
      pg.host,
      '-p',
      String(pg.port),
      '-U',
      'postgres',
      '-d',
      database,
      '-v',
      'ON_ERROR_STOP=1',
      '-Atc',
      sql,
    ],
    { env: { ...process.env, PGPASSWORD: password } },
  );
  return stdout;
}

/** One role and one database per app, the role owning its database (and nothing else). */
export async function createAppDatabase(
  pg: PostgresState,
  adminPassword: string,
  app: AppName,
  password: string,
) {
  await psql(pg, adminPassword, `create role ${app} login password '${password}'`);
  await psql(pg, adminPassword, `create database ${app} owner ${app}`);
  await psql(pg, adminPassword, `revoke all on database ${app} from public`);
}

/** Writes redis.conf (loopback, a password, append-only file) and returns the state. */
export function initRedis(opts: {
  dir: string;
  port: number;
  password: string;
}): Omit<RedisState, 'urlFile'> {
  const root = join(opts.dir, 'redis');
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o700);
  const conf = join(root, 'redis.conf');
  const pidFile = join(root, 'redis.pid');
  const log = join(root, 'redis.log');
  const lines = [
    'bind 127.0.0.1',
    `port ${opts.port}`,
    `requirepass ${opts.password}`,
    'daemonize yes',
    `pidfile ${pidFile}`,
    `logfile ${log}`,
    `dir ${root}`,
    'appendonly yes',
    'appendfsync everysec',
    "save ''",
  ];
  writeFileSync(conf, `${lines.join('\n')}\n`, { mode: 0o600 });
  return { port: opts.port, conf, pidFile, log };
}

export async function startRedis(redis: RedisState): Promise<void> {
  await run('redis-server', [redis.conf]);
  await waitForPort(redis.port);
}
