// Acceptance 4: two ATTN API processes on one PostgreSQL and one Redis, as behind nginx. A
// teacher watching on instance A sees a check-in that a student made on instance B, through the
// real routes (open session and code on B, check-in on B, stream on A). Stopping A with its
// stream open is graceful: the stream ends and the process exits 0 without waiting for the client.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Sessions } from '@campus/platform/auth';
import { systemClock } from '@campus/platform/clock';
import { EventStreamClient } from '@campus/platform/live';
import { createTestDatabase, type SpawnedApp, spawnApp, testDbKind } from '@campus/platform/testing';
import {
  courses,
  courseTeachers,
  enrollments,
  terms,
  type UserRole,
  users,
} from '../../src/db/schema/index.ts';
import { SESSION_COOKIE } from '../../src/modules/auth/index.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));

// The PostgreSQL pass is never skipped: without Redis it fails, naming what is missing.
const skip =
  process.env.TEST_DB !== 'postgres' &&
  'two API processes need the scaled-out shape: runs on the TEST_DB=postgres pass (with TEST_PG_URL and TEST_REDIS_URL)';

test('a teacher watching on instance A sees a check-in made on instance B', {
  skip,
  timeout: 120_000,
}, async () => {
  testDbKind();
  if (!process.env.TEST_REDIS_URL)
    throw new Error('TEST_DB=postgres needs TEST_REDIS_URL: the instances share live events through Redis');
  const database = await createTestDatabase({ migrationsFolder, name: 'attn_live_twins' });
  const dir = await mkdtemp(join(tmpdir(), 'attn-live-'));
  const instances: SpawnedApp[] = [];
  try {
    // Seeded straight into PostgreSQL: a course with its teacher and one enrolled student, each
    // with a login session (the cookie holds the token, the table its SHA-256).
    const { db } = database;
    const sessions = new Sessions({ clock: systemClock });
    const tag = crypto.randomUUID().slice(0, 8);
    const person = async (role: UserRole) => {
      const [row] = await db
        .insert(users)
        .values({ schoolNumber: `${role[0]}-${tag}`, fullName: `Live ${role} ${tag}`, role })
        .returning();
      if (!row) throw new Error('no user');
      const { token } = await sessions.create(db, row.id);
      return { id: row.id, schoolNumber: row.schoolNumber, cookie: `${SESSION_COOKIE}=${token}` };
    };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [term] = await db
      .insert(terms)
      .values({ title: `Term ${tag}`, startsOn: day(-30), endsOn: day(60) })
      .returning();
    const [course] = await db
      .insert(courses)
      .values({ termId: term?.id as string, code: `LIVE ${tag}`, title: 'Live course' })
      .returning();
    const courseId = course?.id as string;
    const teacher = await person('teacher');
    const student = await person('student');
    await db.insert(courseTeachers).values({ courseId, teacherId: teacher.id });
    await db.insert(enrollments).values({ courseId, studentId: student.id, source: 'csv' });

    const env = (n: number) => ({
      PORT: '0',
      DATABASE_URL: database.url as string,
      REDIS_URL: process.env.TEST_REDIS_URL as string,
      REDIS_PREFIX: `test-live-${tag}:`,
      DATA_DIR: join(dir, `i${n}`),
      DEMO_DATA: 'false',
      LOG_FILE: 'off',
    });
    instances.push(...(await Promise.all([spawnApp(cli, env(1)), spawnApp(cli, env(2))])));
    const [a, b] = instances as [SpawnedApp, SpawnedApp];
    assert.notEqual(a.child.pid, b.child.pid);

    const call = async (
      instance: SpawnedApp,
      method: string,
      path: string,
      cookie: string,
      body?: unknown,
    ) => {
      const res = await fetch(`${instance.url}${path}`, {
        method,
        headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    const opened = await call(b, 'POST', `/api/teacher/courses/${courseId}/sessions`, teacher.cookie, {
      duration_minutes: 30,
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const sessionId = opened.body.id as string;

    const res = await fetch(`${a.url}/api/teacher/sessions/${sessionId}/live`, {
      headers: { cookie: teacher.cookie },
    });
    assert.equal(res.status, 200);
    const stream = new EventStreamClient(res);
    const snapshot = await stream.nextEvent(10_000);
    assert.equal(snapshot?.event, 'snapshot');
    assert.deepEqual(JSON.parse(snapshot?.data ?? '{}').checkins, []);

    const { body: shown } = await call(b, 'GET', `/api/teacher/sessions/${sessionId}/code`, teacher.cookie);
    const checkedIn = await call(b, 'POST', '/api/student/checkins', student.cookie, {
      session_id: sessionId,
      code: shown.code,
      device_id: `device-${tag}`,
    });
    assert.equal(checkedIn.status, 201, JSON.stringify(checkedIn.body));

    const event = await stream.nextEvent(10_000);
    assert.equal(event?.event, 'checkin');
    const data = JSON.parse(event?.data ?? '{}');
    assert.equal(data.type, 'checkin');
    assert.deepEqual(data.student, {
      id: student.id,
      school_number: student.schoolNumber,
      full_name: `Live student ${tag}`,
    });
    assert.equal(data.status, checkedIn.body.status);
    assert.equal(data.checked_in_at, checkedIn.body.checked_in_at);

    // Graceful shutdown with a stream open: it ends, and the process does not wait for the client.
    const started = Date.now();
    assert.equal(await a.stop(), 0, a.output());
    assert.ok(Date.now() - started < 10_000, `A took ${Date.now() - started} ms to stop`);
    assert.equal(await stream.ended(5000), true, 'the stream ended with the server');
    assert.equal(await b.stop(), 0, b.output());
  } finally {
    for (const instance of instances) await instance.stop('SIGKILL');
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
});
