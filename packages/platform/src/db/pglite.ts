// The embedded database: PGlite in this process, persisted under `<dataDir>/pgdata`, one
// process per dir (lock file), first start from the prepared archive, migrations on open (the
// platform's, then the app's: migrate.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, Db, DbLogger } from './database.ts';
import { lockDataDir } from './lock-file.ts';
import { migrateAll } from './migrate.ts';
import { readEmptyArchive } from './pglite-archive.ts';
import { markTransactions, refuseInsideTransaction } from './tx-guard.ts';

/**
 * PostgreSQL's settings for the embedded database, on top of PGlite's own start parameters.
 * shared_buffers: PostgreSQL's default of 128 MB is touched at start inside the WebAssembly
 * heap, so it is resident from the first second; 16 MB keeps a small school's hot pages and
 * the rest is read through the operating system's file cache. Durability is untouched.
 */
export const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Opens PGlite with its WebAssembly compiled by V8's baseline compiler (Liftoff) only. By
 * default V8 recompiles the hot parts of PostgreSQL's 9 MB module with its optimising compiler
 * while it runs, which keeps about 100 MB more resident for good and burns CPU in the first
 * minutes; single-row statements, the app's work, run as fast either way (measured: bench/
 * startup, bench:checkin). V8 reads the flags when a module is compiled, so they are restored
 * right after: WebAssembly compiled later (the face models in their threads) is optimised.
 */
async function createBaselineCompiled(options: PGliteOptions): Promise<PGlite> {
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--no-wasm-dynamic-tiering');
  try {
    return await PGlite.create(options);
  } finally {
    setFlagsFromString('--wasm-tier-up');
    setFlagsFromString('--wasm-dynamic-tiering');
  }
}

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
    const pglite = await createBaselineCompiled({
      dataDir: pgdata,
      startParams: pgliteStartParams,
      ...(archive ? { loadDataDir: archive } : {}),
    });
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
