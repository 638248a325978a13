// Upgrade tests: a database made by an app's OLD migrations (a copy of its migrations folder as
// it was, applied the way the code of that time applied it), on the kind the run asks for
// (TEST_DB), then opened by the current code exactly as the app opens it (createDatabase: the
// platform's migrations, then the app's). Beside it, what a test compares before and after:
// every row of every table, the shape of the schema, and the migrations' bookkeeping. The whole
// test an app runs with its own rows is upgrade-check.ts.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createDatabase } from '../db/create-database.ts';
import type { Database } from '../db/database.ts';
import { platformMigrationsFolder, platformMigrationsTable } from '../db/migrate.ts';
import { readEmptyArchive } from '../db/pglite-archive.ts';
import { createEmptyDatabase, testDbKind } from './test-database.ts';

const quiet = { info() {}, warn() {} };

/** Runs one statement and gives its rows. */
export type Query = <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;

export interface OldDatabase {
  /** SQL on the old database, before the upgrade. */
  query: Query;
  /** Closes the old connection; the data stays for `open`. */
  closeOld(): Promise<void>;
  /** Opens it with the current code, migrating as an app's start does (PGlite: the same data dir). */
  open(migrationsFolder: string): Promise<Database>;
  /** Drops the database or removes the data dir. */
  dispose(): Promise<void>;
}

interface Journal {
  entries: { tag: string; when: number }[];
}

export function readJournal(migrationsFolder: string): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** A copy of a migrations folder whose journal stops after `tag`: a database of that older version. */
function migrationsUpTo(folder: string, tag: string, into: string): string {
  const copy = join(into, 'migrations');
  cpSync(folder, copy, { recursive: true });
  const journal = readJournal(folder);
  const end = journal.entries.findIndex((e) => e.tag === tag);
  if (end < 0) throw new Error(`no migration ${tag} in ${folder}`);
  journal.entries = journal.entries.slice(0, end + 1);
  writeFileSync(join(copy, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
  return copy;
}

/**
 * A database migrated by `oldMigrationsFolder` (up to the migration `upTo` when given) with the
 * migrator as called before the platform had migrations of its own.
 */
export async function createOldDatabase(opts: {
  oldMigrationsFolder: string;
  upTo?: string;
  name: string;
}): Promise<OldDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `${opts.name}-`));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    const migrationsFolder = opts.upTo
      ? migrationsUpTo(opts.oldMigrationsFolder, opts.upTo, dir)
      : opts.oldMigrationsFolder;
    if (testDbKind() === 'pglite') {
      const archive = await readEmptyArchive();
      mkdirSync(join(dir, 'data'));
      const pglite = await PGlite.create({
        dataDir: join(dir, 'data', 'pgdata'),
        ...(archive ? { loadDataDir: archive } : {}),
      });
      await migratePglite(drizzlePglite({ client: pglite, casing: 'snake_case' }), { migrationsFolder });
      return {
        query: async <R>(text: string, params?: unknown[]) => (await pglite.query<R>(text, params)).rows,
        closeOld: () => pglite.close(),
        open: (folder) =>
          createDatabase({ dataDir: join(dir, 'data'), migrationsFolder: folder, logger: quiet }),
        async dispose() {
          if (!pglite.closed) await pglite.close();
          removeDir();
        },
      };
    }
    const empty = await createEmptyDatabase(opts.name);
    const pool = new pg.Pool({ connectionString: empty.url, max: 2 });
    let ended = false;
    const end = async () => {
      if (!ended) await pool.end();
      ended = true;
    };
    try {
      await migratePg(drizzlePg({ client: pool, casing: 'snake_case' }), { migrationsFolder });
    } catch (err) {
      await end();
      await empty.drop();
      throw err;
    }
    return {
      query: async <R>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as R[],
      closeOld: end,
      open: (folder) =>
        createDatabase({ databaseUrl: empty.url, dataDir: '', migrationsFolder: folder, logger: quiet }),
      async dispose() {
        await end();
        await empty.drop();
        removeDir();
      },
    };
  } catch (err) {
    removeDir();
    throw err;
  }
}

/** `Query` over an open Database (either kind), through its client. */
export function queryOf(database: Database): Query {
  return async <R>(text: string, params?: unknown[]) => {
    if (database.pglite) return (await database.pglite.query<R>(text, params)).rows;
    if (database.pool) return (await database.pool.query(text, params)).rows as R[];
    throw new Error('a Database with neither a PGlite nor a pool');
  };
}

/**
 * Every row of every table in `public` (parsed from `to_jsonb`, in a stable order): equal before
 * and after means nothing was lost.
 */
export async function allRows(query: Query): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = await query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const { name } of tables) {
    const found = await query<{ row: string }>(`select to_jsonb(t)::text as row from "${name}" t`);
    rows[name] = found
      .map((r) => r.row)
      .sort()
      .map((r) => JSON.parse(r) as Record<string, unknown>);
  }
  return rows;
}

/**
 * The shape of `public`: columns (type, null, default; not their order), constraints, indexes,
 * triggers and functions. An upgraded database must have the same shape as a new one.
 */
export async function schemaShape(query: Query): Promise<string[]> {
  const lines = await Promise.all([
    query<{ line: string }>(`select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '
      || is_nullable || ' ' || coalesce(column_default, '-') as line
      from information_schema.columns where table_schema = 'public'`),
    query<{ line: string }>(`select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' '
      || pg_get_constraintdef(oid) as line from pg_constraint where connamespace = 'public'::regnamespace`),
    query<{ line: string }>(
      `select 'index ' || indexdef as line from pg_indexes where schemaname = 'public'`,
    ),
    query<{ line: string }>(`select 'trigger ' || pg_get_triggerdef(t.oid) as line from pg_trigger t
      join pg_class c on c.oid = t.tgrelid where not t.tgisinternal and c.relnamespace = 'public'::regnamespace`),
    query<{ line: string }>(`select 'function ' || proname as line from pg_proc
      where pronamespace = 'public'::regnamespace`),
  ]);
  return lines
    .flat()
    .map((l) => l.line)
    .sort();
}

/** What the migrators recorded: the app's (drizzle.__drizzle_migrations) and the platform's. */
export async function migrationBookkeeping(
  query: Query,
): Promise<{ app: { hash: string; createdAt: number }[]; platform: { hash: string; createdAt: number }[] }> {
  const read = async (table: string) =>
    (
      await query<{ hash: string; created_at: string | number }>(
        `select hash, created_at from ${table} order by id`,
      )
    ).map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
  return {
    app: await read('drizzle.__drizzle_migrations'),
    platform: await read(`"${platformMigrationsTable.schema}"."${platformMigrationsTable.table}"`),
  };
}

/** The `when` of every migration in a folder's journal, in order. */
export function journalTimes(migrationsFolder: string = platformMigrationsFolder): number[] {
  return readJournal(migrationsFolder).entries.map((e) => e.when);
}
