// What a backup says about itself (manifest.json at the top of the archive): which app made it,
// when, on which database and at which migration, so that a restore can refuse an archive made
// for another app, another database, or by a newer version than the code restoring it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { platformMigrationsFolder, platformMigrationsTable } from '../db/migrate.ts';

export const MANIFEST_FORMAT = 1;

export interface MigrationState {
  /** Migrations applied, platform's and app's. */
  platform: number;
  app: number;
}

export interface BackupManifest {
  format: number;
  app: string;
  /** ISO time the database was dumped. */
  createdAt: string;
  database: 'pglite';
  /** @electric-sql/pglite's version, whose PostgreSQL major the data dir belongs to. */
  pgliteVersion: string;
  migrations: MigrationState;
  /** How many stored files (uploads) the archive holds. */
  files: number;
  /** What asked for it: 'admin', 'signal', 'schedule' or 'cli'. */
  reason: string;
}

async function countRows(db: Db, schema: string, table: string): Promise<number> {
  type Rows = { rows: { n: number }[] };
  const present = (await db.execute(
    sql`select count(*)::int as n from information_schema.tables where table_schema = ${schema} and table_name = ${table}`,
  )) as unknown as Rows;
  if (!present.rows[0]?.n) return 0;
  const result = (await db.execute(
    sql`select count(*)::int as n from ${sql.identifier(schema)}.${sql.identifier(table)}`,
  )) as unknown as Rows;
  return Number(result.rows[0]?.n ?? 0);
}

/** The migrations applied to this database. */
export async function readMigrationState(db: Db): Promise<MigrationState> {
  return {
    platform: await countRows(db, platformMigrationsTable.schema, platformMigrationsTable.table),
    app: await countRows(db, 'drizzle', '__drizzle_migrations'),
  };
}

/** The migrations this code knows (drizzle-kit's journal of each folder). */
export function knownMigrations(appMigrationsFolder: string): MigrationState {
  const count = (folder: string) =>
    (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] })
      .entries.length;
  return { platform: count(platformMigrationsFolder), app: count(appMigrationsFolder) };
}

/** Why this manifest cannot be restored by this code for this app, or undefined when it can. */
export function manifestProblem(
  manifest: Partial<BackupManifest>,
  expected: { app: string; known: MigrationState },
): string | undefined {
  if (manifest.format !== MANIFEST_FORMAT) return `unknown backup format ${String(manifest.format)}`;
  if (manifest.app !== expected.app)
    return `this backup was made by ${String(manifest.app)}, not ${expected.app}`;
  if (manifest.database !== 'pglite') return `this backup holds a ${String(manifest.database)} database`;
  const m = manifest.migrations;
  if (!m || typeof m.app !== 'number' || typeof m.platform !== 'number')
    return 'the manifest has no migrations';
  if (m.app > expected.known.app || m.platform > expected.known.platform)
    return (
      `this backup was made by a newer version (migrations: platform ${m.platform}, app ${m.app}; ` +
      `this code knows platform ${expected.known.platform}, app ${expected.known.app}): restore it with that version`
    );
  return undefined;
}
