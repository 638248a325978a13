// PostgreSQL through node-postgres and a pool. Migrations run at start-up while this process
// holds a session advisory lock, so instances starting together apply them exactly once (the
// platform's, then the app's: migrate.ts).
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, Db, DbLogger } from './database.ts';
import { migrateAll } from './migrate.ts';
import { markTransactions, refuseInsideTransaction } from './tx-guard.ts';

/** pg_advisory_lock key for migrations: a constant, so every instance of every app agrees. */
const MIGRATION_LOCK_KEY = 727_240_001;

export function postgresDatabase(pool: pg.Pool): Database {
  refuseInsideTransaction(pool, ['query', 'connect']);
  const db = drizzle({ client: pool, casing: 'snake_case' });
  markTransactions(db);
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    pool,
    url: (pool.options as { connectionString?: string }).connectionString,
    async ping() {
      await pool.query('select 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await pool.end();
    },
  };
}

async function migrateUnderLock(pool: pg.Pool, db: Db, migrationsFolder: string, logger: DbLogger) {
  const client = await pool.connect();
  try {
    const started = performance.now();
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const waited = Math.round(performance.now() - started);
    try {
      await migrateAll(migrate, db, migrationsFolder);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
    logger.info({ waitedForLockMs: waited }, 'migrations up to date');
  } finally {
    client.release();
  }
}

export async function openPostgres(opts: {
  databaseUrl: string;
  migrationsFolder: string;
  logger: DbLogger;
  migrate: boolean;
  poolMax?: number;
}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'campus-platform',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => opts.logger.warn({ err }, 'idle database connection lost'));
  try {
    const database = postgresDatabase(pool);
    if (opts.migrate) await migrateUnderLock(pool, database.db, opts.migrationsFolder, opts.logger);
    return database;
  } catch (err) {
    await pool.end();
    throw err;
  }
}
