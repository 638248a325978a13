// Backups on PostgreSQL are PostgreSQL's own tools' job: `pg_dump -Fc` of DATABASE_URL (the
// stored files are in the database there, so the dump holds them too) and `pg_restore --clean
// --if-exists` back. The password goes to them in PGPASSWORD, never on the command line (where
// `ps` would show it).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { BackupError } from './embedded-backup.ts';

/** The URL without its password, and the password apart. */
export function splitPassword(databaseUrl: string): { url: string; password: string | undefined } {
  const url = new URL(databaseUrl);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  return { url: url.toString(), password };
}

async function run(tool: string, args: string[], databaseUrl: string): Promise<void> {
  const { password } = splitPassword(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(password === undefined ? {} : { PGPASSWORD: password }),
  };
  const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const failed = once(child, 'error').then(([err]) => err as NodeJS.ErrnoException);
  const exited = once(child, 'close').then(([code]) => code as number | null);
  const outcome = await Promise.race([failed, exited]);
  if (typeof outcome === 'object' && outcome !== null) {
    if (outcome.code === 'ENOENT')
      throw new BackupError(
        `${tool} is not on the PATH: install PostgreSQL's client tools (Debian: apt-get install postgresql-client), ` +
          'of the server\u2019s major version or newer',
      );
    throw outcome;
  }
  if (outcome !== 0) throw new BackupError(`${tool} failed (exit ${outcome}):\n${stderr.trim()}`);
}

/** `pg_dump -Fc` of the database into `out`. */
export async function pgDump(databaseUrl: string, out: string): Promise<void> {
  const { url } = splitPassword(databaseUrl);
  await run('pg_dump', ['--format=custom', '--file', out, '--dbname', url], databaseUrl);
}

/** `pg_restore --clean --if-exists` of a `pg_dump -Fc` file into the database, in one transaction. */
export async function pgRestore(databaseUrl: string, file: string): Promise<void> {
  const { url } = splitPassword(databaseUrl);
  await run(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      '--dbname',
      url,
      file,
    ],
    databaseUrl,
  );
}
