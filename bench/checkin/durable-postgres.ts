// bench:checkin: the private PostgreSQL restarted durable, so a commit costs what it costs in production.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './settings.ts';

async function asPostgresOwner(cmd: string, args: string[]) {
  if (process.getuid?.() === 0) return run('runuser', ['-u', 'postgres', '--', cmd, ...args]);
  return run(cmd, args);
}

/** Restarts the private PostgreSQL with fsync and synchronous_commit on (their defaults). */
export async function makeDurable(state: string, pgUrl: string) {
  const dir = join(state, 'postgres');
  const bin = (await readFile(join(dir, 'bin'), 'utf8')).trim();
  const port = new URL(pgUrl).port;
  await asPostgresOwner(`${bin}/pg_ctl`, [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    'restart',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200`,
  ]);
}
