// No personal data in logs, jobs or files, whatever fails: a unique marker in every free-text
// and personal field of every write route (from /openapi.json; the roster file's names, numbers
// and addresses too), called as each role, while the database refuses every write (a trigger
// that raises with the row), then while it has lost its tables (the routes anyone may call,
// login among them), and then working. A failure answers 500 with an error line under its
// request id; the marker is in no log line (console and logs/app.log), no job table row and no
// file under the data folder; with the database working, in no log line and no job table.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PasswordHasher, Sessions } from '@campus/platform/auth';
import {
  callWriteOperations,
  createTestApp,
  failWrites,
  loseTables,
  type MarkerCall,
  markerInFiles,
  markerInJobTables,
  markerInLogs,
  newMarker,
  type TestApp,
  type WriteOperation,
  writeOperations,
} from '@campus/platform/testing';
import { sql } from 'drizzle-orm';
import {
  courses,
  courseTeachers,
  enrollments,
  terms,
  type UserRole,
  users,
} from '../../src/db/schema/index.ts';
import { SESSION_COOKIE } from '../../src/modules/auth/index.ts';
import { attnSpec } from '../../src/spec.ts';

/** Auth's own bookkeeping keeps working, so requests reach the writes that carry the marker. */
const KEEP_WORKING = ['auth_sessions', 'refresh_tokens', 'keyed_counters'];

let t: TestApp;
let dir: string;
let logFile: string;
let ops: WriteOperation[];
const who: Record<'admin' | 'teacher' | 'student', { id: string; number: string; cookie: string }> =
  {} as never;
/** A course with an open session (marks, excuses, close), and one without (opening a session). */
let courseId = '';
let freeCourseId = '';
let termId = '';
let termTitle = '';
let sessionId = '';

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.app.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function param(op: WriteOperation, name: string): string {
  if (op.path.startsWith('/api/admin/jobs/'))
    return name === 'queue' ? 'verify-checkin' : crypto.randomUUID();
  if (name === 'courseId') return op.path.endsWith('/sessions') ? freeCourseId : courseId;
  if (name === 'sessionId' || (name === 'id' && op.path.startsWith('/api/teacher/sessions/')))
    return sessionId;
  if (name === 'studentId') return who.student.id;
  if (name === 'schoolNumber') return who.student.number;
  return crypto.randomUUID();
}

function overrides(op: WriteOperation): Record<string, unknown> | undefined {
  const key = `${op.method} ${op.path}`;
  if (key === 'POST /api/teacher/courses/{courseId}/sessions')
    return {
      duration_minutes: 60,
      selfie_required: false,
      allowed_networks: [],
      late_after_minutes: 10,
      code_step_seconds: 30,
    };
  if (
    key === 'POST /api/teacher/sessions/{sessionId}/marks' ||
    key === 'POST /api/courses/{courseId}/excused-absences'
  )
    return { student_id: who.student.id, session_id: sessionId };
  if (key === 'PUT /api/courses/{courseId}/absence-limit') return { percent: 30, planned_sessions: 14 };
  return undefined;
}

const csv = (_op: WriteOperation, marker: string) =>
  [
    'term,term_starts_on,term_ends_on,course_code,course_title,school_number,full_name,email,role',
    `${termTitle},${day(-30)},${day(60)},MK101,${marker} course,${marker},${marker} Name,${marker}@example.org,student`,
  ].join('\n');

const call = (
  marker: string,
  prefix: string,
  credentials: Record<string, string>[],
  only?: (op: WriteOperation) => boolean,
) =>
  callWriteOperations(t.app, only ? ops.filter(only) : ops, {
    marker,
    param,
    credentials,
    overrides,
    csv,
    query: (op) => (op.path === '/api/admin/import/roster' ? 'dry_run=false' : undefined),
    requestIdPrefix: prefix,
    // Requiring a second factor of every admin and teacher would lock this test's users out.
    skip: (op) => op.path.endsWith('/two-factor/requirement'),
  });

const everyone = (): Record<string, string>[] => [
  { cookie: who.admin.cookie },
  { cookie: who.teacher.cookie },
  { cookie: who.student.cookie },
  {},
];

function assertFailuresLogged(calls: MarkerCall[], marker: string): void {
  for (const c of calls.filter((x) => x.status >= 500)) {
    const line = t.logs.find((l) => l.requestId === c.requestId && Number(l.level) >= 50);
    assert.ok(line, `an error line for ${c.method} ${c.url} (${c.requestId})`);
    assert.ok(
      (line.err as { db?: { code?: string } } | undefined)?.db?.code,
      `the SQLSTATE in ${JSON.stringify(line)}`,
    );
    assert.equal(JSON.parse(c.body).error.requestId, c.requestId);
    assert.ok(!c.body.includes(marker), `${c.method} ${c.url} answers without the marker`);
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [busy] = await rows<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where state in ('created', 'active') and start_after <= now() and name not like '%.dead'`,
    );
    if ((busy?.n ?? 0) === 0) return;
    await sleep(100);
  }
}

async function logText(): Promise<string> {
  await sleep(50);
  return readFile(logFile, 'utf8').catch(() => '');
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attn-privacy-'));
  logFile = join(dir, 'logs', 'app.log');
  t = await createTestApp(attnSpec, { env: { DEMO_DATA: 'false', DATA_DIR: dir }, logFile });
  const sessions = new Sessions({ clock: t.clock });
  const passwordHash = await new PasswordHasher().hash('a test user passphrase');
  for (const role of ['admin', 'teacher', 'student'] as UserRole[]) {
    const number = `${role[0]}${crypto.randomUUID().slice(0, 8)}`;
    const [row] = await t.app.db
      .insert(users)
      .values({ schoolNumber: number, fullName: `Test ${role}`, role, passwordHash })
      .returning();
    const session = await sessions.create(t.app.db, row?.id ?? '');
    who[role as 'admin'] = { id: row?.id ?? '', number, cookie: `${SESSION_COOKIE}=${session.token}` };
  }
  termTitle = `Term ${crypto.randomUUID().slice(0, 6)}`;
  const [term] = await t.app.db
    .insert(terms)
    .values({ title: termTitle, startsOn: day(-30), endsOn: day(60) })
    .returning();
  termId = term?.id ?? '';
  ops = writeOperations((await t.app.inject({ method: 'GET', url: '/openapi.json' })).json());
});
after(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

async function newCourse(): Promise<string> {
  const [course] = await t.app.db
    .insert(courses)
    .values({ termId, code: `PRIV ${crypto.randomUUID().slice(0, 6)}`, title: 'Privacy' })
    .returning();
  const id = course?.id ?? '';
  await t.app.db.insert(courseTeachers).values({ courseId: id, teacherId: who.teacher.id });
  await t.app.db.insert(enrollments).values({ courseId: id, studentId: who.student.id, source: 'csv' });
  return id;
}

/** Fresh courses for a phase: one with an open session, one without. */
async function openSession(): Promise<void> {
  courseId = await newCourse();
  freeCourseId = await newCourse();
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${courseId}/sessions`,
    headers: { cookie: who.teacher.cookie },
    payload: { duration_minutes: 60, selfie_required: false, late_after_minutes: 10, code_step_seconds: 30 },
  });
  assert.equal(res.statusCode, 201, res.body);
  sessionId = res.json().id;
}

test('with the database failing underneath, the marker is in no log, no job table and no file', async (ctx) => {
  await openSession();
  const marker = newMarker();
  const undo = await failWrites(t.app.db, { except: KEEP_WORKING });
  let calls: MarkerCall[];
  try {
    calls = await call(marker, 'fail', everyone());
  } finally {
    await undo();
  }
  const lost = await loseTables(t.app.db, { except: KEEP_WORKING });
  try {
    calls.push(...(await call(marker, 'lost', [{}])));
  } finally {
    await lost();
  }
  await settle();

  const failed = calls.filter((c) => c.status >= 500).map((c) => `${c.method} ${c.url}`);
  ctx.diagnostic(`${calls.length} calls, ${failed.length} answered 5xx: ${failed.join(', ')}`);
  for (const route of [
    'POST /api/auth/login',
    `POST /api/teacher/courses/${freeCourseId}/sessions`,
    `POST /api/teacher/sessions/${sessionId}/marks`,
    `POST /api/courses/${courseId}/excused-absences`,
    'POST /api/admin/import/roster?dry_run=false',
  ]) {
    assert.ok(
      failed.includes(route),
      `${route} failed in the database: ${JSON.stringify(calls.filter((c) => `${c.method} ${c.url}` === route).map((c) => [c.status, c.body.slice(0, 200)]))}`,
    );
  }
  assertFailuresLogged(calls, marker);
  assert.deepEqual(markerInLogs(t.logs, marker, await logText()), []);
  assert.deepEqual(await markerInJobTables(t.app.db, marker), []);
  assert.deepEqual(await markerInFiles(dir, marker), []);
});

test('with the database working, the marker is in no log and in no job table', async (ctx) => {
  await openSession();
  const marker = newMarker();
  const calls = await call(marker, 'happy', everyone());
  const ok = calls.filter((c) => c.status < 300).map((c) => `${c.method} ${c.url}`);
  ctx.diagnostic(`${calls.length} calls, ${ok.length} succeeded: ${ok.join(', ')}`);
  for (const route of [
    `POST /api/teacher/courses/${freeCourseId}/sessions`,
    `POST /api/courses/${courseId}/excused-absences`,
  ]) {
    assert.ok(
      ok.includes(route),
      `${route} succeeded: ${JSON.stringify(calls.filter((c) => `${c.method} ${c.url}` === route))}`,
    );
  }
  assert.deepEqual(
    calls.filter((c) => c.status >= 500),
    [],
    'nothing fails',
  );
  await settle();
  assert.deepEqual(markerInLogs(t.logs, marker, await logText()), []);
  assert.deepEqual(await markerInJobTables(t.app.db, marker), []);
});
