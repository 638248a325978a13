// Issue 13: the platform migrates its own tables. An ATTN database made before (its migrations
// then created the audit log, sessions, refresh tokens, files and job progress, and it has rows)
// opens with the current code, which runs the platform's migrations and then ATTN's: nothing is
// lost, old rows are usable, new writes work, the schema is a new database's, and opening it
// again applies nothing (platform testing/upgrade-check.ts). fixtures/old/migrations is ATTN's
// migrations folder as it was before the change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkUpgrade, type Query, upgradeIds } from '@campus/platform/testing';

const oldMigrationsFolder = fileURLToPath(new URL('./fixtures/old/migrations', import.meta.url));
const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));

const TEACHER_ID = upgradeIds.actor;
const STUDENT_ID = '6f1c0a52-8d8e-4f57-9a43-51c1f1d1a011';
const SESSION_ID = '6f1c0a52-8d8e-4f57-9a43-51c1f1d1a012';

async function seedApp(query: Query) {
  await query(
    `insert into users (id, school_number, full_name, role) values ($1, 'T1', 'Teacher', 'teacher'), ($2, 'S1', 'Student', 'student')`,
    [TEACHER_ID, STUDENT_ID],
  );
  const [term] = await query<{ id: string }>(
    `insert into terms (title, starts_on, ends_on) values ('Spring', '2026-02-01', '2026-06-30') returning id`,
  );
  const [course] = await query<{ id: string }>(
    `insert into courses (term_id, code, title) values ($1, 'CS101', 'Programming') returning id`,
    [term?.id],
  );
  await query(`insert into enrollments (course_id, student_id) values ($1, $2)`, [course?.id, STUDENT_ID]);
  await query(
    `insert into attendance_sessions (id, course_id, opened_by, opened_at, ends_at, code_step_seconds, selfie_required)
     values ($1, $2, $3, '2026-05-01T09:00:00Z', '2026-05-01T10:00:00Z', 30, true)`,
    [SESSION_ID, course?.id, TEACHER_ID],
  );
  // A check-in's selfie is a platform file.
  await query(
    `insert into checkins (session_id, student_id, status, checked_in_at, selfie_file_id, verification)
     values ($1, $2, 'present', '2026-05-01T09:05:00Z', $3, 'pending')`,
    [SESSION_ID, STUDENT_ID, upgradeIds.file],
  );
}

async function afterUpgrade(query: Query, made: { newFileId: string }) {
  const [student] = await query<{ id: string }>(
    `insert into users (school_number, full_name, role) values ('S2', 'Another', 'student') returning id`,
  );
  await query(
    `insert into checkins (session_id, student_id, status, checked_in_at, selfie_file_id, verification)
     values ($1, $2, 'late', '2026-05-01T09:25:00Z', $3, 'pending')`,
    [SESSION_ID, student?.id, made.newFileId],
  );
  const selfies = await query<{ name: string }>(
    `select f.original_name as name from checkins c join stored_files f on f.id = c.selfie_file_id
     order by c.checked_in_at`,
  );
  assert.deepEqual(
    selfies.map((r) => r.name),
    ['people.csv', 'new.csv'],
  );
}

test('an ATTN database made before the platform owned its tables upgrades in place', async () => {
  await checkUpgrade({
    name: 'attn_upgrade',
    oldMigrationsFolder,
    migrationsFolder,
    version: { chunks: true, claims: true },
    seedApp,
    afterUpgrade,
  });
});

test('an older ATTN database (files in file_contents, sessions without claims) upgrades in place', async () => {
  await checkUpgrade({
    name: 'attn_upgrade_0002',
    oldMigrationsFolder,
    migrationsFolder,
    upTo: '0002_audit_append_only',
    version: { chunks: false, claims: false },
    seedApp,
    afterUpgrade,
  });
});
