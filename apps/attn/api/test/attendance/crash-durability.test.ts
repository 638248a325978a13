// The embedded default survives kill -9 in the middle of a lecture hall: the real ATTN process
// on PGlite takes check-ins (group commit) from many students at once, is SIGKILLed while
// requests are in flight, and the data dir, opened again, holds every check-in answered 201.
// (PGlite runs with fsync off: a power cut is not what this covers, a crashed process is.)
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@campus/platform/db';
import { spawnApp, testDbKind } from '@campus/platform/testing';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));
const quiet = { info() {}, warn() {} };
const STUDENTS = 600;
const IN_FLIGHT = 32;
const KILL_AFTER = 150;

/** A course with a teacher and `n` enrolled students, each with a login session 'crash-<g>-<salt>'. */
async function seed(dataDir: string, n: number, salt: string) {
  const database = await createDatabase({ dataDir, migrationsFolder, logger: quiet });
  const pglite = database.pglite;
  if (!pglite) throw new Error('expected the embedded database');
  const one = async (text: string, params: unknown[] = []) =>
    (await pglite.query<{ id: string }>(text, params)).rows[0] as { id: string };
  try {
    const term = await one(
      `insert into terms (title, starts_on, ends_on) values ('T', current_date - 30, current_date + 60) returning id`,
    );
    const course = await one(
      `insert into courses (term_id, code, title) values ($1, 'CRASH 1', 'Crash') returning id`,
      [term.id],
    );
    const teacher = await one(
      `insert into users (school_number, full_name, role) values ('crash-t', 'Teacher', 'teacher') returning id`,
    );
    await pglite.query('insert into course_teachers (course_id, teacher_id) values ($1, $2)', [
      course.id,
      teacher.id,
    ]);
    await pglite.query(
      `insert into users (school_number, full_name, role)
       select 'crash-s' || g, 'Student ' || g, 'student' from generate_series(1, $1::int) g`,
      [n],
    );
    await pglite.query(
      `insert into enrollments (course_id, student_id, source)
       select $1, id, 'csv' from users where role = 'student'`,
      [course.id],
    );
    // The cookie token of student g is 'crash-<g>-<salt>' (teacher: 'crash-t-<salt>'); the table holds its SHA-256.
    await pglite.query(
      `insert into auth_sessions (token_hash, subject, claims, created_at, last_seen_at, expires_at)
       select encode(sha256(convert_to('crash-' || substr(school_number, 8) || '-' || $1, 'UTF8')), 'hex'),
              id::text, jsonb_build_object('schoolNumber', school_number, 'role', role),
              now(), now(), now() + interval '1 day'
         from users where role = 'student'
       union all
       select encode(sha256(convert_to('crash-t-' || $1, 'UTF8')), 'hex'), $2::text,
              jsonb_build_object('schoolNumber', 'crash-t', 'role', 'teacher'), now(), now(), now() + interval '1 day'`,
      [salt, teacher.id],
    );
    return { courseId: course.id };
  } finally {
    await database.close();
  }
}

test('kill -9 during a burst of check-ins on the embedded default loses no acknowledged check-in', {
  skip: testDbKind() !== 'pglite' && 'the embedded database is what this covers',
  timeout: 60_000,
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'attn-crash-'));
  const dataDir = join(dir, 'data');
  const salt = randomBytes(6).toString('hex');
  try {
    const { courseId } = await seed(dataDir, STUDENTS, salt);
    const app = await spawnApp(
      cli,
      { DATA_DIR: dataDir, PORT: '0', LOG_FILE: 'off', LOG_LEVEL: 'warn', DEMO_DATA: 'false' },
      { timeoutMs: 30_000 },
    );
    const exited = once(app.child, 'exit');
    let sessionId = '';
    const acknowledged: number[] = [];
    let failedInFlight = 0;
    try {
      const teacher = { cookie: `attn_session=crash-t-${salt}`, 'content-type': 'application/json' };
      const opened = await fetch(`${app.url}/api/teacher/courses/${courseId}/sessions`, {
        method: 'POST',
        headers: teacher,
        body: JSON.stringify({ duration_minutes: 60, code_step_seconds: 60 }),
      });
      assert.equal(opened.status, 201, await opened.clone().text());
      sessionId = ((await opened.json()) as { id: string }).id;
      const { code } = (await (
        await fetch(`${app.url}/api/teacher/sessions/${sessionId}/code`, { headers: teacher })
      ).json()) as { code: string };

      let next = 1;
      let killed = false;
      const student = async () => {
        while (!killed && next <= STUDENTS) {
          const g = next++;
          try {
            const res = await fetch(`${app.url}/api/student/checkins`, {
              method: 'POST',
              headers: { cookie: `attn_session=crash-${g}-${salt}`, 'content-type': 'application/json' },
              body: JSON.stringify({ session_id: sessionId, code, device_id: `crash-device-${g}` }),
            });
            const body = await res.text();
            assert.equal(res.status, 201, body);
            acknowledged.push(g);
            // Killed while the other students' requests are still being written.
            if (acknowledged.length === KILL_AFTER) {
              killed = true;
              app.child.kill('SIGKILL');
            }
          } catch (err) {
            if (!killed) throw err;
            failedInFlight++;
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, student));
      const [exitCode, signal] = (await exited) as [number | null, string | null];
      assert.equal(signal, 'SIGKILL', `the app ended before it was killed (exit ${exitCode})`);
    } finally {
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    }
    assert.ok(acknowledged.length >= KILL_AFTER, `only ${acknowledged.length} check-ins were answered`);
    assert.ok(failedInFlight > 0, 'the kill should land while check-ins are in flight');

    // Opened again the way the app opens it (this test's process is not the killed one).
    const reopened = await createDatabase({ dataDir, migrationsFolder, logger: quiet });
    try {
      const { rows } = await (reopened.pglite as NonNullable<typeof reopened.pglite>).query<{ g: number }>(
        `select substr(u.school_number, 8)::int as g
           from checkins c join users u on u.id = c.student_id where c.session_id = $1`,
        [sessionId],
      );
      const stored = new Set(rows.map((r) => r.g));
      const lost = acknowledged.filter((g) => !stored.has(g));
      assert.deepEqual(lost, [], `acknowledged check-ins missing after kill -9 (${stored.size} rows stored)`);
      // Nothing but what was sent: at most the requests in flight beyond the acknowledged ones.
      assert.ok(
        stored.size <= acknowledged.length + IN_FLIGHT,
        `${stored.size} rows for ${acknowledged.length}`,
      );
    } finally {
      await reopened.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
