// The session open now in each course, as the course lists show it: a student's phone offers
// "check in" from it, a teacher's list links to the open session; and the course a session
// belongs to, as the projector names it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { enrollments } from '../../src/db/schema/index.ts';
import { type AttnTest, startAttn, type TestUser } from '../helpers.ts';
import { checkIn, codeOf, openSession } from '../sessions/session-helpers.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ url, headers });

async function courseItem(url: string, user: TestUser, courseId: string) {
  const res = await get(url, user.headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items.find((c: { id: string }) => c.id === courseId);
}

test("a student's courses carry the session open now, with whether they have checked in", async () => {
  const open = await t.course({ students: 2 });
  const idle = await t.course({ students: 0 });
  const [student, classmate] = open.students as [TestUser, TestUser];
  await t.app.db.insert(enrollments).values({ courseId: idle.id, studentId: student.id, source: 'csv' });
  const mine = (courseId: string) => courseItem('/api/student/courses', student, courseId);
  assert.equal((await mine(open.id)).open_session, null, 'nothing open yet');

  const session = await openSession(t, open, { selfie_required: true, duration_minutes: 45 });
  assert.deepEqual((await mine(open.id)).open_session, {
    id: session.id,
    ends_at: session.ends_at,
    selfie_required: true,
    checked_in: false,
  });
  assert.equal((await mine(idle.id)).open_session, null, 'another course of mine has none');

  const res = await checkIn(t, classmate, {
    session_id: session.id,
    code: await codeOf(t, open.teacher, session.id),
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal((await mine(open.id)).open_session.checked_in, false, "a classmate's check-in is not mine");
  const own = await checkIn(t, student, {
    session_id: session.id,
    code: await codeOf(t, open.teacher, session.id),
  });
  assert.equal(own.statusCode, 201, own.body);
  assert.equal((await mine(open.id)).open_session.checked_in, true);

  await t.app.inject({
    method: 'POST',
    url: `/api/teacher/sessions/${session.id}/close`,
    headers: open.teacher.headers,
  });
  assert.equal((await mine(open.id)).open_session, null, 'closed');
});

test("a teacher's courses, and one course, carry the session open now until it ends", async () => {
  const course = await t.course({ students: 1 });
  const other = await t.course({ students: 0, teacher: course.teacher });
  const listed = (courseId: string) => courseItem('/api/teacher/courses', course.teacher, courseId);
  const detail = async (courseId: string) =>
    (await get(`/api/teacher/courses/${courseId}`, course.teacher.headers)).json();
  assert.equal((await listed(course.id)).open_session, null);
  assert.equal((await detail(course.id)).open_session, null);

  const session = await openSession(t, course, { duration_minutes: 20 });
  const expected = { id: session.id, ends_at: session.ends_at };
  assert.deepEqual((await listed(course.id)).open_session, expected);
  assert.deepEqual((await detail(course.id)).open_session, expected);
  assert.equal((await detail(course.id)).roster.length, 1, 'the roster is still there');
  assert.equal((await listed(other.id)).open_session, null);

  t.clock.advance(21 * 60_000);
  assert.equal((await listed(course.id)).open_session, null, 'past its end, before any sweep closed it');
  assert.equal((await detail(course.id)).open_session, null);
});

test('a session of yours names its course, for the projector', async () => {
  const course = await t.course({ students: 0 });
  const session = await openSession(t, course);
  const res = await get(`/api/teacher/sessions/${session.id}`, course.teacher.headers);
  assert.equal(res.statusCode, 200, res.body);
  const { code, title } = (await get(`/api/teacher/courses/${course.id}`, course.teacher.headers)).json();
  assert.deepEqual(res.json().course, { id: course.id, code, title });
  assert.equal(res.json().counts.enrolled, 0);
});
