// Migrations in the manner of pg-boss: the platform migrates its own tables (audit log, auth,
// files, job progress) from its own folder, with its own bookkeeping table
// (platform.__drizzle_migrations), before the app's migrations (drizzle.__drizzle_migrations)
// run. A platform change is then one migration here, not one per app. On PostgreSQL the caller
// holds the migration advisory lock around both.
import { fileURLToPath } from 'node:url';
import type { MigrationConfig } from 'drizzle-orm/migrator';
import type { Db } from './database.ts';

/** The platform's generated SQL migrations (`npx drizzle-kit generate --config src/db/drizzle.config.ts`). */
export const platformMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Where the platform records the migrations it applied; the app's stay in drizzle.__drizzle_migrations. */
export const platformMigrationsTable = { schema: 'platform', table: '__drizzle_migrations' } as const;

/** drizzle's `migrate` of either driver (drizzle-orm/pglite/migrator or node-postgres/migrator). */
export type DrizzleMigrate = (db: never, config: MigrationConfig) => Promise<void>;

/** Applies the platform's pending migrations, then the app's. */
export async function migrateAll(
  migrate: DrizzleMigrate,
  db: Db,
  appMigrationsFolder: string,
): Promise<void> {
  await migrate(db as never, {
    migrationsFolder: platformMigrationsFolder,
    migrationsSchema: platformMigrationsTable.schema,
    migrationsTable: platformMigrationsTable.table,
  });
  await migrate(db as never, { migrationsFolder: appMigrationsFolder });
}
