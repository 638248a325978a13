import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createCheckinsRepository } from '../../src/modules/attendance/checkins.repository.ts';
import { type AttnTest, startAttn } from '../helpers.ts';
import { checkIn, codeOf, openSession } from '../sessions/session-helpers.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const reasonOf = (res: { json(): { error: { details?: { reason?: string }[] } } }) =>
  res.json().error.details?.[0]?.reason;

const rowsFor = async (sessionId: string, studentId: string) => {
  const result = (await t.app.db.execute(
    sql`select count(*)::int as n from checkins where session_id = ${sessionId} and student_id = ${studentId}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n;
};

test('acceptance 1: a code is accepted in its step and the next, refused two steps after it was shown', async () => {
  const course = await t.course({ students: 3 });
  const session = await openSession(t, course, { code_step_seconds: 10 });
  const [a, b, c] = course.students as [
    (typeof course.students)[0],
    (typeof course.students)[0],
    (typeof course.students)[0],
  ];
  const shown = await codeOf(t, course.teacher, session.id);

  const own = await checkIn(t, a, { session_id: session.id, code: shown });
  assert.equal(own.statusCode, 201, own.body);
  assert.deepEqual(Object.keys(own.json()).sort(), ['checked_in_at', 'id', 'status', 'verification']);
  assert.equal(own.json().status, 'present');
  assert.equal(own.json().verification, 'not_required');

  t.clock.advance(10_000);
  const next = await checkIn(t, b, { session_id: session.id, code: shown });
  assert.equal(next.statusCode, 201, 'still accepted in the next step');

  t.clock.advance(10_000);
  const stale = await checkIn(t, c, { session_id: session.id, code: shown });
  assert.equal(stale.statusCode, 422);
  assert.equal(reasonOf(stale), 'code_expired');
  assert.match(stale.json().error.message, /has expired/);
  const wrong = await checkIn(t, c, {
    session_id: session.id,
    code: shown === '000000' ? '111111' : '000000',
  });
  assert.equal(wrong.statusCode, 422);
  assert.equal(reasonOf(wrong), 'code_invalid');
  assert.match(wrong.json().error.message, /wrong/);
  const fresh = await checkIn(t, c, {
    session_id: session.id,
    code: await codeOf(t, course.teacher, session.id),
  });
  assert.equal(fresh.statusCode, 201);
});

test('acceptance 1: the code of another session is refused', async () => {
  const first = await t.course({ students: 1 });
  const second = await t.course({ students: 0, teacher: first.teacher });
  const mine = await openSession(t, first);
  const other = await openSession(t, second);
  const student = first.students[0] as (typeof first.students)[0];
  const res = await checkIn(t, student, {
    session_id: mine.id,
    code: await codeOf(t, first.teacher, other.id),
  });
  assert.equal(res.statusCode, 422);
  assert.equal(await rowsFor(mine.id, student.id), 0);
});

test('acceptance 1: a student not on the roster gets 403 with the current code', async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course);
  const stranger = await t.user('student');
  const res = await checkIn(t, stranger, {
    session_id: session.id,
    code: await codeOf(t, course.teacher, session.id),
  });
  assert.equal(res.statusCode, 403);
  assert.equal(reasonOf(res), 'not_enrolled');
  assert.match(res.json().error.message, /not enrolled/);
  assert.equal(await rowsFor(session.id, stranger.id), 0);
});

test('acceptance 2: 20 concurrent check-ins of one student give one row, one 201 and nineteen 409s', async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course);
  const student = course.students[0] as (typeof course.students)[0];
  const code = await codeOf(t, course.teacher, session.id);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => checkIn(t, student, { session_id: session.id, code })),
  );
  const codes = answers.map((r) => r.statusCode).sort();
  assert.deepEqual(codes, [201, ...Array(19).fill(409)]);
  for (const r of answers.filter((r) => r.statusCode === 409))
    assert.equal(reasonOf(r), 'already_checked_in');
  assert.equal(await rowsFor(session.id, student.id), 1);
  const again = await checkIn(t, student, { session_id: session.id, code });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().error.message, /already checked in/);
});

test('a closed session refuses check-ins, however the close reached it', async () => {
  const course = await t.course({ students: 2 });
  const session = await openSession(t, course);
  const code = await codeOf(t, course.teacher, session.id);
  // Warm this process's session cache first: the close must win over it.
  assert.equal(
    (await checkIn(t, course.students[0] as never, { session_id: session.id, code })).statusCode,
    201,
  );
  const close = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/sessions/${session.id}/close`,
    headers: course.teacher.headers,
  });
  assert.equal(close.statusCode, 200);
  const res = await checkIn(t, course.students[1] as never, { session_id: session.id, code });
  assert.equal(res.statusCode, 409);
  assert.equal(reasonOf(res), 'session_closed');
});

test('a session past its end refuses check-ins, and an unknown session is a 404', async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course, { duration_minutes: 1, code_step_seconds: 60 });
  const code = await codeOf(t, course.teacher, session.id);
  t.clock.advance(61_000);
  const late = await checkIn(t, course.students[0] as never, { session_id: session.id, code });
  assert.equal(late.statusCode, 409);
  const unknown = await checkIn(t, course.students[0] as never, {
    session_id: '00000000-0000-4000-8000-000000000000',
    code,
  });
  assert.equal(unknown.statusCode, 404);
});

test('allowed networks: a check-in from outside is refused, one from inside accepted', async () => {
  const course = await t.course({ students: 2 });
  const session = await openSession(t, course, { allowed_networks: ['10.20.0.0/16', '2001:db8::/32'] });
  const code = await codeOf(t, course.teacher, session.id);
  const [inside, outside] = course.students as [never, never];
  const refused = await checkIn(t, outside, { session_id: session.id, code }, '203.0.113.5');
  assert.equal(refused.statusCode, 403);
  assert.equal(reasonOf(refused), 'network_not_allowed');
  assert.equal((await checkIn(t, inside, { session_id: session.id, code }, '10.20.7.9')).statusCode, 201);
  assert.equal((await checkIn(t, outside, { session_id: session.id, code }, '2001:db8::42')).statusCode, 201);
});

test('a check-in after late_after_minutes is late; a selfie session sends a student without face enrolment to review', async () => {
  const course = await t.course({ students: 2 });
  const session = await openSession(t, course, { late_after_minutes: 10, selfie_required: true });
  const first = await checkIn(t, course.students[0] as never, {
    session_id: session.id,
    code: await codeOf(t, course.teacher, session.id),
  });
  assert.equal(first.json().status, 'present');
  // No consent, no selfie needed: the teacher confirms in person (test/face/verification*.test.ts).
  assert.equal(first.json().verification, 'needs_review');
  t.clock.advance(11 * 60_000);
  const second = await checkIn(t, course.students[1] as never, {
    session_id: session.id,
    code: await codeOf(t, course.teacher, session.id),
  });
  assert.equal(second.statusCode, 201);
  assert.equal(second.json().status, 'late');
});

test('one device checking in several students is flagged for the teacher', async () => {
  const course = await t.course({ students: 3 });
  const session = await openSession(t, course);
  const code = await codeOf(t, course.teacher, session.id);
  const [a, b, c] = course.students as [never, never, never];
  assert.equal(
    (await checkIn(t, a, { session_id: session.id, code, device_id: 'shared-phone-1' })).statusCode,
    201,
  );
  assert.equal(
    (await checkIn(t, b, { session_id: session.id, code, device_id: 'shared-phone-1' })).statusCode,
    201,
  );
  assert.equal(
    (await checkIn(t, c, { session_id: session.id, code, device_id: 'own-phone-c' })).statusCode,
    201,
  );
  const list = await t.app.inject({
    url: `/api/teacher/sessions/${session.id}/checkins`,
    headers: course.teacher.headers,
  });
  assert.equal(list.statusCode, 200);
  const flagged = Object.fromEntries(
    list
      .json()
      .items.map((i: { student: { id: string }; device_flagged: boolean }) => [
        i.student.id,
        i.device_flagged,
      ]),
  );
  assert.deepEqual(flagged, {
    [(a as { id: string }).id]: true,
    [(b as { id: string }).id]: true,
    [(c as { id: string }).id]: false,
  });
  const detail = await t.app.inject({
    url: `/api/teacher/sessions/${session.id}`,
    headers: course.teacher.headers,
  });
  assert.equal(detail.json().counts.flagged, 2);
  assert.equal(detail.json().counts.checked_in, 3);
  assert.equal(detail.json().counts.enrolled, 3);
});

test('check-in refuses other roles and bad bodies', async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course);
  const code = await codeOf(t, course.teacher, session.id);
  const asTeacher = await checkIn(t, course.teacher, { session_id: session.id, code });
  assert.equal(asTeacher.statusCode, 403);
  const anonymous = await t.app.inject({
    method: 'POST',
    url: '/api/student/checkins',
    payload: { session_id: session.id, code, device_id: 'device-12345' },
  });
  assert.equal(anonymous.statusCode, 401);
  const shortDevice = await checkIn(t, course.students[0] as never, {
    session_id: session.id,
    code,
    device_id: 'abc',
  });
  assert.equal(shortDevice.statusCode, 400);
  assert.equal(shortDevice.json().error.details[0].field, 'body.device_id');
});

test('the database keeps a check-in once only even when 20 separate statements race (no batching)', async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course);
  const student = course.students[0] as (typeof course.students)[0];
  const repo = createCheckinsRepository(() => t.app.db);
  const draft = {
    sessionId: session.id,
    studentId: student.id,
    status: 'present' as const,
    checkedInAt: t.clock.now(),
    deviceId: 'device-race-1',
    ip: '10.0.0.1',
    verification: 'not_required' as const,
  };
  const results = await Promise.all(Array.from({ length: 20 }, () => repo.insertBatch([draft])));
  assert.equal(results.flat().length, 1);
  assert.equal(await rowsFor(session.id, student.id), 1);
  const [refusal] = await repo.classify([draft]);
  assert.equal(refusal?.checked_in, true);
});

test("an accepted check-in reaches the teacher's live channel after its commit, a closed session too", async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course);
  const heard: Record<string, unknown>[] = [];
  const stop = t.app.live.subscribe(`attendance-session:${session.id}`, (m) => heard.push(m as never));
  const student = course.students[0] as (typeof course.students)[0];
  const res = await checkIn(t, student, {
    session_id: session.id,
    code: await codeOf(t, course.teacher, session.id),
  });
  assert.equal(res.statusCode, 201);
  await t.app.inject({
    method: 'POST',
    url: `/api/teacher/sessions/${session.id}/close`,
    headers: course.teacher.headers,
  });
  const deadline = Date.now() + 5000;
  while (heard.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  stop();
  const [checkin, closed] = heard as [Record<string, unknown>, Record<string, unknown>];
  assert.equal(checkin.type, 'checkin');
  assert.equal(checkin.id, res.json().id);
  assert.deepEqual(checkin.student, {
    id: student.id,
    school_number: student.schoolNumber,
    full_name: `Test student ${student.schoolNumber}`,
  });
  assert.equal(checkin.status, 'present');
  assert.equal(checkin.verification, 'not_required');
  assert.equal(closed.type, 'closed');
  assert.equal(closed.session_id, session.id);
  const [row] = (
    (await t.app.db.execute(
      sql`select count(*)::int as n from checkins where id = ${res.json().id}`,
    )) as unknown as { rows: { n: number }[] }
  ).rows;
  assert.equal(row?.n, 1, 'announced rows are committed rows');
});
