// The embedded database: PGlite in this process, persisted under `<dataDir>/pgdata`, one
// process per dir (lock file), first start from the prepared archive, migrations on open (the
// platform's, then the app's: migrate.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, Db, DbLogger } from './database.ts';
import { lockDataDir } from './lock-file.ts';
import { migrateAll } from './migrate.ts';
import { readEmptyArchive } from './pglite-archive.ts';
import { markTransactions, refuseInsideTransaction } from './tx-guard.ts';

/** Wraps an open PGlite as a Database: guarded transactions, ping, close. */
export function pgliteDatabase(pglite: PGlite, onClose: () => Promise<void> | void = () => {}): Database {
  refuseInsideTransaction(pglite, ['query', 'exec', 'transaction', 'sql']);
  const db = drizzle({ client: pglite, casing: 'snake_case' });
  markTransactions(db);
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    pglite,
    async ping() {
      await pglite.query('select 1');
    },
    poolStats: () => null,
    async close() {
      if (!pglite.closed) await pglite.close();
      await onClose();
    },
  };
}

export async function openPglite(opts: {
  dataDir: string;
  migrationsFolder: string;
  logger: DbLogger;
  migrate: boolean;
}): Promise<Database> {
  const lock = lockDataDir(opts.dataDir, opts.logger);
  try {
    const pgdata = join(opts.dataDir, 'pgdata');
    const fresh = !existsSync(join(pgdata, 'PG_VERSION'));
    const archive = fresh ? await readEmptyArchive() : undefined;
    if (fresh && !archive) {
      opts.logger.warn(
        {},
        'no prepared PGlite archive: creating the database with initdb (slow). `npm ci` makes the archive; ' +
          'or run `node packages/platform/scripts/make-pglite-archive.ts`',
      );
    }
    const pglite = await PGlite.create({ dataDir: pgdata, ...(archive ? { loadDataDir: archive } : {}) });
    const database = pgliteDatabase(pglite, () => lock.release());
    if (opts.migrate) {
      await migrateAll(migrate, database.db, opts.migrationsFolder);
    }
    opts.logger.info({ dataDir: opts.dataDir, fresh }, 'embedded database open');
    return database;
  } catch (err) {
    lock.release();
    throw err;
  }
}
