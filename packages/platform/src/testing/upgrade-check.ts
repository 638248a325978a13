// The upgrade test an app runs (issue 13: the platform owns its tables): a database made by the
// app's old migrations, with platform rows and the app's, opened by the current code. See
// checkUpgrade() for what it checks.
import assert from 'node:assert/strict';
import { AuditLog } from '../audit/audit-log.ts';
import { Sessions } from '../auth/sessions.ts';
import { hashToken } from '../auth/tokens.ts';
import { createTestClock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { platformMigrationsFolder } from '../db/migrate.ts';
import { collectBytes, Files } from '../files/files.ts';
import { PostgresStorage } from '../files/storage.ts';
import {
  allRows,
  createOldDatabase,
  journalTimes,
  migrationBookkeeping,
  type Query,
  queryOf,
  schemaShape,
} from './old-database.ts';
import { createTestDatabase } from './test-database.ts';

export type { Query } from './old-database.ts';

/** The platform rows an upgrade test puts in the old database, and checks after. */
export const upgradeIds = {
  file: '6f1c0a52-8d8e-4f57-9a43-51c1f1d1a001',
  actor: '6f1c0a52-8d8e-4f57-9a43-51c1f1d1a002',
  sessionToken: 'a-session-token-from-before-the-upgrade',
  fileParts: ['id,name\n1,Ada\n', '2,Grace\n'],
} as const;

const upgradeClock = createTestClock('2026-06-01T10:00:00Z');

export interface OldPlatformVersion {
  /** file_chunks exists (else files are in file_contents, one row each). */
  chunks: boolean;
  /** auth_sessions has its claims column. */
  claims: boolean;
}

/** Audit rows, a file (with its bytes), a session, a refresh token and job progress, in old tables. */
async function seedPlatform(query: Query, version: OldPlatformVersion) {
  const { file, actor } = upgradeIds;
  const at = '2026-05-01T08:00:00Z';
  for (const action of ['thing.created', 'thing.changed']) {
    await query(
      `insert into audit_log (at, actor_id, action, entity, entity_id, changes, ip)
       values ($1, $2, $3, 'thing', 't-1', $4, '10.0.0.1')`,
      [at, actor, action, JSON.stringify({ status: 'new' })],
    );
  }
  const bytes = upgradeIds.fileParts.join('');
  await query(
    `insert into stored_files (id, kind, mime, size, original_name, created_by, created_at)
     values ($1, 'export', 'text/csv', $2, 'people.csv', $3, $4)`,
    [file, bytes.length, actor, at],
  );
  if (version.chunks) {
    for (const [seq, part] of upgradeIds.fileParts.entries()) {
      await query('insert into file_chunks (file_id, seq, data) values ($1, $2, $3)', [
        file,
        seq,
        Buffer.from(part),
      ]);
    }
  } else {
    await query('insert into file_contents (file_id, content) values ($1, $2)', [file, Buffer.from(bytes)]);
  }
  const now = upgradeClock.now().toISOString();
  const expires = '2026-06-02T10:00:00Z';
  const session = [hashToken(upgradeIds.sessionToken), actor, now, expires];
  await query(
    version.claims
      ? `insert into auth_sessions (token_hash, subject, created_at, last_seen_at, expires_at, claims)
         values ($1, $2, $3, $3, $4, $5)`
      : `insert into auth_sessions (token_hash, subject, created_at, last_seen_at, expires_at)
         values ($1, $2, $3, $3, $4)`,
    version.claims ? [...session, JSON.stringify({ role: 'staff' })] : session,
  );
  await query(
    `insert into refresh_tokens (family_id, subject, token_hash, created_at, expires_at, family_expires_at)
     values (gen_random_uuid(), $1, 'r1', $2, $3, $3)`,
    [actor, now, expires],
  );
  await query(
    `insert into job_progress (job_id, queue, done, total, updated_at) values (gen_random_uuid(), 'q', 1, 1, $1)`,
    [now],
  );
}

type Rows = Record<string, Record<string, unknown>[]>;

/** The rows expected after the upgrade: the claims column added empty, file_contents moved to chunks. */
function expectedAfter(before: Rows, version: OldPlatformVersion): Rows {
  const expected = { ...before };
  if (!version.claims) {
    expected.auth_sessions = (before.auth_sessions ?? []).map((r) => ({ ...r, claims: null }));
  }
  if (!version.chunks) {
    const { file_contents: contents, ...rest } = expected;
    return {
      ...rest,
      file_chunks: (contents ?? []).map((r) => ({ file_id: r.file_id, seq: 0, data: r.content })),
    };
  }
  return expected;
}

/** Each table's rows sorted by their content, whatever the order of their keys. */
function inStableOrder(rows: Rows): Rows {
  const key = (r: Record<string, unknown>) =>
    JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  return Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [
      table,
      [...list].sort((a, b) => key(a).localeCompare(key(b))),
    ]),
  );
}

/**
 * The rows of `after` in the tables and columns of `expected` (an app migration that ran in the
 * upgrade may have added a column), in a stable order.
 */
function keptOf(after: Rows, expected: Rows): Rows {
  const kept: Rows = {};
  for (const [table, rows] of Object.entries(expected)) {
    const columns = Object.keys(rows[0] ?? {});
    kept[table] = (after[table] ?? []).map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
  }
  return inStableOrder(kept);
}

/** The platform's code reads the old rows and writes new ones; the audit log stays append-only. */
async function checkPlatformWorks(database: Database): Promise<{ newFileId: string }> {
  const db = database.db;
  const query = queryOf(database);
  const files = new Files({
    storage: new PostgresStorage(() => db),
    kinds: { export: { maxBytes: 1_000_000, types: [] } },
    db: () => db,
    clock: upgradeClock,
  });
  const read = await files.read(upgradeIds.file);
  assert.ok(read, 'the old file reads');
  assert.equal((await collectBytes(read.stream)).toString(), upgradeIds.fileParts.join(''));
  const sessions = new Sessions({ clock: upgradeClock });
  assert.equal(
    (await sessions.lookup(db, upgradeIds.sessionToken))?.subject,
    upgradeIds.actor,
    'a session from before still signs in',
  );

  await new AuditLog(upgradeClock).record(db, { action: 'upgrade.checked', entity: 'database' });
  const audit = await query<{ id: string; action: string }>('select id, action from audit_log order by id');
  assert.deepEqual(
    audit.map((r) => [Number(r.id), r.action]),
    [
      [1, 'thing.created'],
      [2, 'thing.changed'],
      [3, 'upgrade.checked'],
    ],
    'the audit log kept its rows and its id sequence',
  );
  await assert.rejects(query(`update audit_log set action = 'changed' where id = 1`), /append-only/);
  await assert.rejects(query('delete from audit_log'), /append-only/);
  await assert.rejects(query('truncate audit_log'), /append-only/);

  const stored = await files.storeGenerated('export', Buffer.from('a,b\n'), 'new.csv', 'text/csv', null);
  const again = await files.read(stored.id);
  assert.ok(again, 'a new file reads');
  assert.equal((await collectBytes(again.stream)).toString(), 'a,b\n');
  const fresh = await sessions.create(db, upgradeIds.actor, { role: 'staff' });
  assert.equal((await sessions.lookup(db, fresh.token))?.subject, upgradeIds.actor);
  return { newFileId: stored.id };
}

/**
 * The upgrade test of an app: a database made by the app's old migrations (up to `upTo`) with
 * platform rows and the app's (`seedApp`), opened by the current code. Checks that every row is
 * kept, that the platform's code reads the old rows and writes new ones, that `afterUpgrade` (the
 * app's new writes) works, that the schema is the one a new database gets, that each migration
 * is recorded once, and that opening it again applies and changes nothing.
 */
export async function checkUpgrade(opts: {
  name: string;
  oldMigrationsFolder: string;
  migrationsFolder: string;
  upTo?: string;
  version: OldPlatformVersion;
  seedApp(query: Query): Promise<void>;
  afterUpgrade(query: Query, made: { newFileId: string }): Promise<void>;
}): Promise<void> {
  const old = await createOldDatabase({
    oldMigrationsFolder: opts.oldMigrationsFolder,
    name: opts.name,
    ...(opts.upTo ? { upTo: opts.upTo } : {}),
  });
  try {
    await seedPlatform(old.query, opts.version);
    await opts.seedApp(old.query);
    const before = await allRows(old.query);
    await old.closeOld();

    let after: { rows: Rows; books: Awaited<ReturnType<typeof migrationBookkeeping>>; shape: string[] };
    const upgraded = await old.open(opts.migrationsFolder);
    try {
      const query = queryOf(upgraded);
      const expected = expectedAfter(before, opts.version);
      assert.deepEqual(keptOf(await allRows(query), expected), inStableOrder(expected), 'every row kept');
      const made = await checkPlatformWorks(upgraded);
      await opts.afterUpgrade(query, made);
      const books = await migrationBookkeeping(query);
      assert.deepEqual(
        books.app.map((m) => m.createdAt),
        journalTimes(opts.migrationsFolder),
        "each of the app's migrations recorded once",
      );
      assert.deepEqual(
        books.platform.map((m) => m.createdAt),
        journalTimes(platformMigrationsFolder),
        "each of the platform's migrations recorded once",
      );
      after = { rows: await allRows(query), books, shape: await schemaShape(query) };
    } finally {
      await upgraded.close();
    }

    const fresh = await createTestDatabase({
      migrationsFolder: opts.migrationsFolder,
      name: `${opts.name}_new`,
    });
    try {
      assert.deepEqual(after.shape, await schemaShape(queryOf(fresh)), 'the schema of a new database');
    } finally {
      await fresh.close();
    }

    const reopened = await old.open(opts.migrationsFolder);
    try {
      const query = queryOf(reopened);
      assert.deepEqual(await migrationBookkeeping(query), after.books, 'opening again applies nothing');
      assert.deepEqual(await allRows(query), after.rows, 'and changes nothing');
    } finally {
      await reopened.close();
    }
  } finally {
    await old.dispose();
  }
}
