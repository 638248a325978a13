import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { CLOSE_SESSIONS_QUEUE } from '../../src/modules/sessions/sessions.jobs.ts';
import { type AttnTest, startAttn } from '../helpers.ts';
import { checkIn, codeOf, openSession } from './session-helpers.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.app.db.execute(query)) as unknown as { rows: T[] }).rows;

test('a teacher opens a session for their course; a second open one is refused until the first closes', async () => {
  const course = await t.course({ students: 2 });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${course.id}/sessions`,
    headers: course.teacher.headers,
    payload: {
      duration_minutes: 50,
      title: 'Week 3',
      late_after_minutes: 15,
      allowed_networks: ['10.0.0.0/8'],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const session = res.json();
  assert.equal(session.course_id, course.id);
  assert.equal(session.open, true);
  assert.equal(session.selfie_required, false);
  assert.equal(session.code_step_seconds, 10);
  assert.equal(session.late_after_minutes, 15);
  assert.deepEqual(session.allowed_networks, ['10.0.0.0/8']);
  assert.equal(new Date(session.ends_at).getTime() - new Date(session.opened_at).getTime(), 50 * 60_000);

  const second = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${course.id}/sessions`,
    headers: course.teacher.headers,
    payload: { duration_minutes: 10 },
  });
  assert.equal(second.statusCode, 409);
  assert.match(second.json().error.message, /already has an open attendance session/);

  const close = () =>
    t.app.inject({
      method: 'POST',
      url: `/api/teacher/sessions/${session.id}/close`,
      headers: course.teacher.headers,
    });
  const closed = await close();
  assert.equal(closed.statusCode, 200);
  assert.equal(closed.json().open, false);
  const again = await close();
  assert.equal(again.statusCode, 200, 'closing twice is not an error');
  assert.equal(again.json().closed_at, closed.json().closed_at, 'and changes nothing');
  await openSession(t, course);

  const audit = await rows<{ action: string; actor_id: string }>(
    sql`select action, actor_id from audit_log where entity_id = ${session.id} order by id`,
  );
  assert.deepEqual(audit, [
    { action: 'attendance_session.opened', actor_id: course.teacher.schoolNumber },
    { action: 'attendance_session.closed', actor_id: course.teacher.schoolNumber },
  ]);
  const logged = t.logs.filter((l) => l.event === 'attendance_session.opened' && l.sessionId === session.id);
  assert.equal(logged.length, 1);
});

test('bad input is refused naming the field: a CIDR that is not one, a duration out of range', async () => {
  const course = await t.course({ students: 0 });
  const post = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/teacher/courses/${course.id}/sessions`,
      headers: course.teacher.headers,
      payload,
    });
  const cidr = await post({ duration_minutes: 30, allowed_networks: ['10.0.0.0/8', '10.0.0.0/40'] });
  assert.equal(cidr.statusCode, 400);
  assert.deepEqual(
    cidr.json().error.details.map((d: { field: string }) => d.field),
    ['body.allowed_networks.1'],
  );
  for (const payload of [
    { duration_minutes: 0 },
    { duration_minutes: 601 },
    { duration_minutes: 5, code_step_seconds: 2 },
  ]) {
    const res = await post(payload);
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
  }
});

test("another teacher's course and sessions are refused with 403, unknown ones are 404, students get 403", async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course);
  const other = await t.user('teacher');
  const open = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/courses/${course.id}/sessions`,
    headers: other.headers,
    payload: { duration_minutes: 10 },
  });
  assert.equal(open.statusCode, 403);
  for (const url of ['', '/code', '/checkins']) {
    const res = await t.app.inject({
      url: `/api/teacher/sessions/${session.id}${url}`,
      headers: other.headers,
    });
    assert.equal(res.statusCode, 403, url);
  }
  const close = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/sessions/${session.id}/close`,
    headers: other.headers,
  });
  assert.equal(close.statusCode, 403);
  const unknownCourse = await t.app.inject({
    method: 'POST',
    url: '/api/teacher/courses/00000000-0000-4000-8000-000000000000/sessions',
    headers: other.headers,
    payload: { duration_minutes: 10 },
  });
  assert.equal(unknownCourse.statusCode, 404);
  const unknownSession = await t.app.inject({
    url: '/api/teacher/sessions/00000000-0000-4000-8000-000000000000/code',
    headers: other.headers,
  });
  assert.equal(unknownSession.statusCode, 404);
  const student = course.students[0] as (typeof course.students)[0];
  const asStudent = await t.app.inject({
    url: `/api/teacher/sessions/${session.id}/code`,
    headers: student.headers,
  });
  assert.equal(asStudent.statusCode, 403);
});

test('the code rotates every step and comes with a QR of the check-in URL and the server time', async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course, { code_step_seconds: 15 });
  const res = await t.app.inject({
    url: `/api/teacher/sessions/${session.id}/code`,
    headers: course.teacher.headers,
  });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.match(body.code, /^\d{6}$/);
  assert.equal(body.step_seconds, 15);
  assert.equal(new Date(body.valid_until).getTime() - new Date(body.rotates_at).getTime(), 15_000);
  assert.ok(new Date(body.rotates_at).getTime() > t.clock.nowMs());
  assert.equal(body.qr_payload, `http://localhost:3001/c/${session.id}#${body.code}`);
  assert.equal(body.server_time, t.clock.now().toISOString());
  assert.match(body.qr_svg, /^<svg[\s\S]*<\/svg>\s*$/);
  assert.equal(res.headers['cache-control'], 'no-store');
  t.clock.advance(15_000);
  assert.notEqual(await codeOf(t, course.teacher, session.id), body.code);
  assert.ok(!JSON.stringify(t.logs).includes(`"${body.code}"`), 'the code is never logged');
});

test('the teacher sees the session with counts and its check-ins', async () => {
  const course = await t.course({ students: 3 });
  const session = await openSession(t, course, { late_after_minutes: 5 });
  const [a, b] = course.students as [never, never];
  assert.equal(
    (await checkIn(t, a, { session_id: session.id, code: await codeOf(t, course.teacher, session.id) }))
      .statusCode,
    201,
  );
  t.clock.advance(6 * 60_000);
  assert.equal(
    (await checkIn(t, b, { session_id: session.id, code: await codeOf(t, course.teacher, session.id) }))
      .statusCode,
    201,
  );
  const detail = await t.app.inject({
    url: `/api/teacher/sessions/${session.id}`,
    headers: course.teacher.headers,
  });
  assert.equal(detail.statusCode, 200);
  assert.deepEqual(detail.json().counts, {
    enrolled: 3,
    checked_in: 2,
    present: 1,
    late: 1,
    flagged: 0,
    pending_verification: 0,
  });
  const list = await t.app.inject({
    url: `/api/teacher/sessions/${session.id}/checkins`,
    headers: course.teacher.headers,
  });
  const items = list.json().items;
  assert.deepEqual(
    items.map((i: { student: { id: string }; status: string }) => [i.student.id, i.status]),
    [
      [(a as { id: string }).id, 'present'],
      [(b as { id: string }).id, 'late'],
    ],
  );
  assert.equal(items[0].student.school_number, (a as { schoolNumber: string }).schoolNumber);
  assert.equal('ip' in items[0], false);
});

test('a schedule closes sessions past their end every minute, audited', async () => {
  const [schedule] = await rows<{ cron: string }>(
    sql`select cron from pgboss.schedule where name = ${CLOSE_SESSIONS_QUEUE}`,
  );
  assert.equal(schedule?.cron, '* * * * *');
  const course = await t.course({ students: 0 });
  const expired = await openSession(t, course, { duration_minutes: 1 });
  t.clock.advance(2 * 60_000);
  const current = await openSession(t, await t.course({ students: 0 }), { duration_minutes: 30 });
  await t.app.jobs.send(CLOSE_SESSIONS_QUEUE, {});
  const closedAt = async (id: string) =>
    (
      await rows<{ closed_at: Date | null }>(sql`select closed_at from attendance_sessions where id = ${id}`)
    )[0]?.closed_at;
  const deadline = Date.now() + 30_000;
  while (!(await closedAt(expired.id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.equal(new Date((await closedAt(expired.id)) as Date).toISOString(), expired.ends_at);
  assert.equal(await closedAt(current.id), null);
  const audit = await rows<{ action: string }>(
    sql`select action from audit_log where entity_id = ${expired.id} order by id`,
  );
  assert.deepEqual(
    audit.map((a) => a.action),
    ['attendance_session.opened', 'attendance_session.closed'],
  );
});

test('five opens of one course at once give one session and four 409s', async () => {
  const course = await t.course({ students: 0 });
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      t.app.inject({
        method: 'POST',
        url: `/api/teacher/courses/${course.id}/sessions`,
        headers: course.teacher.headers,
        payload: { duration_minutes: 10 },
      }),
    ),
  );
  assert.deepEqual(answers.map((a) => a.statusCode).sort(), [201, 409, 409, 409, 409]);
  const [count] = await rows<{ n: number }>(
    sql`select count(*)::int as n from attendance_sessions where course_id = ${course.id}`,
  );
  assert.equal(count?.n, 1);
});
