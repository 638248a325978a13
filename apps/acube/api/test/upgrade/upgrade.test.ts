// Issue 13: the platform migrates its own tables. An A-Cube database made before (its migrations
// then created the audit log, sessions, refresh tokens, files and job progress, and it has rows)
// opens with the current code, which runs the platform's migrations and then A-Cube's: nothing
// is lost, old rows are usable, new writes work, the schema is a new database's, and opening it
// again applies nothing (platform testing/upgrade-check.ts). fixtures/old/migrations is A-Cube's
// migrations folder as it was before the change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkUpgrade, type Query, upgradeIds } from '@campus/platform/testing';

const oldMigrationsFolder = fileURLToPath(new URL('./fixtures/old/migrations', import.meta.url));
const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));

const ADMIN_ID = upgradeIds.actor;
const EVENT_ID = '6f1c0a52-8d8e-4f57-9a43-51c1f1d1a003';

async function seedApp(query: Query) {
  await query(
    `insert into events (id, title, starts_at, capacity, status) values ($1, 'Open day', '2026-07-01T09:00:00Z', 20, 'published')`,
    [EVENT_ID],
  );
  await query(
    `insert into registrations (event_id, name, email, status, manage_token_hash)
     values ($1, 'Ada', 'ada@example.org', 'confirmed', 'h1')`,
    [EVENT_ID],
  );
  await query(
    `insert into admins (id, email, name, password_hash, role) values ($1, 'staff@example.org', 'Staff', 'x', 'staff')`,
    [ADMIN_ID],
  );
  await query(`insert into bookings (reference, name, email, session_type, preferred_date, manage_token_hash, dedupe_key)
    values ('B-0001', 'Grace', 'grace@example.org', 'individual', '2026-07-02', 'h2', 'd1')`);
  // A bulk operation's report is a platform file.
  await query(
    `insert into bulk_operations (admin_id, action, entity, total, report_file_id, status)
     values ($1, 'delete', 'bookings', 1, $2, 'done')`,
    [ADMIN_ID, upgradeIds.file],
  );
}

async function afterUpgrade(query: Query, made: { newFileId: string }) {
  await query(
    `insert into registrations (event_id, name, email, status, manage_token_hash)
     values ($1, 'Linus', 'linus@example.org', 'confirmed', 'h3')`,
    [EVENT_ID],
  );
  await query(
    `insert into bulk_operations (admin_id, action, entity, total, report_file_id) values ($1, 'delete', 'bookings', 1, $2)`,
    [ADMIN_ID, made.newFileId],
  );
  const reports = await query<{ name: string }>(
    `select f.original_name as name from bulk_operations b join stored_files f on f.id = b.report_file_id
     order by f.created_at`,
  );
  assert.deepEqual(
    reports.map((r) => r.name),
    ['people.csv', 'new.csv'],
  );
}

test('an A-Cube database made before the platform owned its tables upgrades in place', async () => {
  await checkUpgrade({
    name: 'acube_upgrade',
    oldMigrationsFolder,
    migrationsFolder,
    version: { chunks: true, claims: true },
    seedApp,
    afterUpgrade,
  });
});

test('an older A-Cube database (files in file_contents, sessions without claims) upgrades in place', async () => {
  await checkUpgrade({
    name: 'acube_upgrade_0006',
    oldMigrationsFolder,
    migrationsFolder,
    upTo: '0006_admin_setup_token',
    version: { chunks: false, claims: false },
    seedApp,
    afterUpgrade,
  });
});
