import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inspect } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { readEmptyArchive } from '../db/pglite-archive.ts';
import { formatSafeError, safeError, scrubMessage, storableError } from './safe-error.ts';

const MARKER = 'Zq7marker';
let pglite: PGlite;
let db: ReturnType<typeof drizzle>;

before(async () => {
  const empty = await readEmptyArchive();
  pglite = await PGlite.create(empty ? { loadDataDir: empty } : {});
  db = drizzle({ client: pglite });
  await db.execute(sql`create table people (id uuid primary key, email text unique, note text)`);
  await db.execute(sql`create function refuse() returns trigger language plpgsql as $$
    begin raise exception 'refused %', new.note using detail = row_to_json(new)::text; end $$`);
  await db.execute(sql`create table guarded (note text)`);
  await db.execute(
    sql`create trigger guarded_refuse before insert on guarded for each row execute function refuse()`,
  );
  await db.execute(
    sql`insert into people values ('00000000-0000-4000-8000-000000000001', ${`${MARKER}@example.org`}, 'x')`,
  );
});
after(() => pglite.close());

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('the statement did not fail');
}

test('a unique violation keeps its code, table and constraint, not the row', async () => {
  const err = await failure(() =>
    db.execute(
      sql`insert into people values ('00000000-0000-4000-8000-000000000002', ${`${MARKER}@example.org`}, ${MARKER})`,
    ),
  );
  // The raw error holds the marker (the test would prove nothing otherwise).
  assert.match(inspect(err, { depth: 5 }), new RegExp(MARKER));
  const safe = safeError(err);
  const text = JSON.stringify(safe);
  assert.doesNotMatch(text, new RegExp(MARKER));
  assert.equal(safe.db?.code, '23505');
  assert.equal(safe.db?.table, 'people');
  assert.equal(safe.db?.constraint, 'people_email_key');
  assert.match(safe.message, /^Failed query: insert into people/);
  assert.match(safe.stack, /\n\s+at /, 'stack frames are kept');
});

test('values quoted in PostgreSQL messages and a trigger detail are taken out', async () => {
  const cast = safeError(
    await failure(() => db.execute(sql`select * from people where id = ${MARKER}::uuid`)),
  );
  assert.equal(cast.db?.code, '22P02');
  assert.doesNotMatch(JSON.stringify(cast), new RegExp(MARKER));
  assert.match(cast.cause?.message ?? '', /invalid input syntax for type uuid: "\[REDACTED\]"/);

  const raised = await failure(() => db.execute(sql`insert into guarded values (${MARKER})`));
  const safe = safeError(raised);
  assert.equal(safe.db?.code, 'P0001');
  assert.doesNotMatch(JSON.stringify(safe), new RegExp(MARKER));
  assert.doesNotMatch(formatSafeError(raised), new RegExp(MARKER));
});

test('a stored job error keeps the facts and drops every other own property', async () => {
  const err = await failure(() =>
    db.execute(
      sql`insert into people values ('00000000-0000-4000-8000-000000000003', ${`${MARKER}@example.org`}, 'y')`,
    ),
  );
  const stored = storableError(err);
  const own = Object.fromEntries(
    Object.getOwnPropertyNames(stored).map((k) => [k, (stored as unknown as Record<string, unknown>)[k]]),
  );
  assert.doesNotMatch(JSON.stringify(own), new RegExp(MARKER));
  for (const key of Object.keys(own))
    assert.ok(['code', 'db', 'message', 'name', 'stack'].includes(key), key);
  assert.equal((own.db as { code: string }).code, '23505');
});

test('e-mail addresses leave any message; other errors keep their words', () => {
  const smtp = Object.assign(new Error(`550 <${MARKER}@example.org>: Recipient address rejected`), {
    response: `550 <${MARKER}@example.org>`,
    responseCode: 550,
  });
  const safe = safeError(smtp);
  assert.doesNotMatch(JSON.stringify(safe), new RegExp(MARKER));
  assert.match(safe.message, /Recipient address rejected/);
  assert.equal(safeError(new TypeError('x is undefined')).message, 'x is undefined');
  assert.equal(
    scrubMessage('relation "people" does not exist', ['people']),
    'relation "people" does not exist',
  );
  assert.equal(safeError('plain text').type, 'string');
});
