// A database that refuses writes (a trigger on every table that raises with the row in its
// message and detail) or has lost its tables (renamed), and the job tables searched for the marker.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The app's own tables (schema public; partitions through their parent). */
async function publicTables(db: Db): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
  );
  return found.map((r) => r.name);
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Makes every insert, update and delete on the app's tables (but `except`) fail, with the row in
 * the error's message and detail as the worst trigger would. Returns the undo.
 */
export async function failWrites(db: Db, opts: { except?: string[] } = {}): Promise<() => Promise<void>> {
  await db.execute(
    sql.raw(`create or replace function privacy_test_refuse() returns trigger language plpgsql as $$
      declare r text := case when tg_op = 'DELETE' then row_to_json(old)::text else row_to_json(new)::text end;
      begin raise exception 'privacy test refuses %: %', tg_table_name, r using detail = r; end $$`),
  );
  const tables = (await publicTables(db)).filter((t) => !(opts.except ?? []).includes(t));
  for (const table of tables) {
    await db.execute(
      sql.raw(`create trigger privacy_test_refuse before insert or update or delete on ${q(table)}
               for each row execute function privacy_test_refuse()`),
    );
  }
  return async () => {
    for (const table of tables) await db.execute(sql.raw(`drop trigger privacy_test_refuse on ${q(table)}`));
    await db.execute(sql.raw('drop function privacy_test_refuse()'));
  };
}

/** Renames every table of the app (but `except`), so reads fail too. Returns the undo. */
export async function loseTables(db: Db, opts: { except?: string[] } = {}): Promise<() => Promise<void>> {
  const tables = (await publicTables(db)).filter((t) => !(opts.except ?? []).includes(t));
  for (const table of tables)
    await db.execute(sql.raw(`alter table ${q(table)} rename to ${q(`${table}__gone`)}`));
  return async () => {
    for (const table of tables)
      await db.execute(sql.raw(`alter table ${q(`${table}__gone`)} rename to ${q(table)}`));
  };
}

/** The job tables (every table of schema pgboss) whose rows hold the marker, with a row each. */
export async function markerInJobTables(db: Db, marker: string): Promise<string[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'pgboss'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const all = await rows<Record<string, unknown>>(db, sql.raw(`select * from pgboss.${q(name)}`));
    const hit = all.find((row) => JSON.stringify(row).toLowerCase().includes(marker));
    if (hit) found.push(`pgboss.${name}: ${JSON.stringify(hit).slice(0, 300)}`);
  }
  return found;
}
