// One factory, two databases: PostgreSQL when DATABASE_URL is set, else PGlite in the process.
// Either way the caller gets a Drizzle database, migrated, with the PGlite rules enforced.
import type { Database, DbLogger } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type { Database, Db, DbLogger, Tx } from './database.ts';

export interface CreateDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  migrationsFolder: string;
  logger: DbLogger;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  poolMax?: number;
}

export async function createDatabase(opts: CreateDatabaseOptions): Promise<Database> {
  const migrate = opts.migrate ?? true;
  if (opts.databaseUrl) {
    return openPostgres({ ...opts, databaseUrl: opts.databaseUrl, migrate });
  }
  return openPglite({ ...opts, migrate });
}
