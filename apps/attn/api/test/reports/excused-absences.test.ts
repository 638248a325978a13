// Excused absences and the absence limit: an excuse moves a student's absence to excused in the
// course report, the per-student report and the student's own overview; the limit is a setting
// per course; over the limit comes first. The course's teachers and admins only; the note is
// kept for the teachers and never reaches a log line or the audit log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { eq } from 'drizzle-orm';
import { type AttnTest, startAttn, type TestUser } from '../helpers.ts';
import { addCheckin, addSession } from './attendance-rows.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const NOTE = 'Appendicitis: hospital report no. 4471';
type Student = { id: string; excused: number; absent: number; absences_left: number; limit_status: string };

async function setUp() {
  const course = await t.course({ students: 3 });
  const [a, b, c] = course.students as [TestUser, TestUser, TestUser];
  const sessions = [
    await addSession(t, course, { hoursAgo: 72, title: 'Week 1' }),
    await addSession(t, course, { hoursAgo: 48, title: 'Week 2' }),
    await addSession(t, course, { hoursAgo: 24, title: 'Week 3' }),
  ] as [string, string, string];
  for (const s of sessions) {
    await addCheckin(t, s, b.id, 'present');
    await addCheckin(t, s, c.id, 'late');
  }
  // a missed all three; c was late twice and is not absent at all
  return { course, a, b, c, sessions };
}

const report = async (courseId: string, headers: Record<string, string>) => {
  const res = await t.app.inject({ url: `/api/teacher/courses/${courseId}/report`, headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};
const excuse = (courseId: string, headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/courses/${courseId}/excused-absences`, headers, payload });

test('an excused absence moves a session from absent to excused everywhere, and its removal moves it back', async () => {
  const { course, a, sessions } = await setUp();
  const before = await report(course.id, course.teacher.headers);
  assert.equal(before.sessions_held, 3);
  assert.deepEqual(before.absence_limit, { percent: 30, planned_sessions: null, allowed_absences: 0 });
  const aBefore = before.students.find((s: Student) => s.id === a.id);
  assert.deepEqual([aBefore.present, aBefore.late, aBefore.excused, aBefore.absent], [0, 0, 0, 3]);
  assert.equal(before.students[0].id, a.id, 'the student over the limit comes first');
  assert.deepEqual(
    before.sessions.map((s: { present: number; late: number; excused: number; absent: number }) => [
      s.present,
      s.late,
      s.excused,
      s.absent,
    ]),
    [
      [1, 1, 0, 1],
      [1, 1, 0, 1],
      [1, 1, 0, 1],
    ],
  );

  const res = await excuse(course.id, course.teacher.headers, {
    student_id: a.id,
    session_id: sessions[0],
    category: 'medical_report',
    note: NOTE,
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().note, NOTE);
  assert.equal(res.json().student.id, a.id);

  const after = await report(course.id, course.teacher.headers);
  const aAfter = after.students.find((s: Student) => s.id === a.id);
  assert.deepEqual([aAfter.excused, aAfter.absent, aAfter.attended], [1, 2, 0]);
  assert.deepEqual(after.sessions[0], { ...before.sessions[0], excused: 1, absent: 0 });

  const one = await t.app.inject({
    url: `/api/teacher/courses/${course.id}/students/${a.id}/report`,
    headers: course.teacher.headers,
  });
  assert.deepEqual(
    one.json().sessions.map((s: { attendance: string }) => s.attendance),
    ['excused', 'absent', 'absent'],
  );
  assert.equal(one.json().sessions[0].excuse_note, NOTE, 'the teacher reads the note');
  assert.equal(one.json().sessions[0].excuse_category, 'medical_report');

  const own = await t.app.inject({ url: `/api/student/courses/${course.id}/report`, headers: a.headers });
  assert.equal(own.json().sessions[0].attendance, 'excused');
  assert.equal(own.json().sessions[0].excuse_category, 'medical_report');
  assert.ok(!own.body.includes(NOTE), 'the student’s own report leaves the note out');
  const overview = await t.app.inject({ url: '/api/student/absences', headers: a.headers });
  assert.equal(overview.statusCode, 200, overview.body);
  assert.deepEqual(overview.json().items, [
    {
      course: { id: course.id, code: overview.json().items[0].course.code, title: 'Test course' },
      sessions_held: 3,
      absent: 2,
      excused: 1,
      percent: 30,
      allowed_absences: 0,
      absences_left: -2,
      limit_status: 'over',
    },
  ]);

  const csv = await t.app.inject({
    url: `/api/teacher/courses/${course.id}/export.csv`,
    headers: course.teacher.headers,
  });
  assert.equal(csv.body.split('\r\n').filter((l) => l.includes(',excused,medical_report,')).length, 1);

  const removed = await t.app.inject({
    method: 'DELETE',
    url: `/api/courses/${course.id}/excused-absences/${res.json().id}`,
    headers: course.teacher.headers,
  });
  assert.equal(removed.statusCode, 200, removed.body);
  const back = (await report(course.id, course.teacher.headers)).students.find((s: Student) => s.id === a.id);
  assert.deepEqual([back.excused, back.absent], [0, 3]);

  const audits = await t.app.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
  assert.deepEqual(audits.map((e) => e.action).sort(), ['absence.excuse_removed', 'absence.excused']);
  const recorded = audits.find((e) => e.action === 'absence.excused');
  assert.ok(recorded, 'the excuse is audited');
  assert.equal((recorded.changes as { note_chars: number }).note_chars, NOTE.length);
  assert.ok(!JSON.stringify(audits).includes('hospital'), 'the audit log keeps the note’s length only');
  assert.ok(!JSON.stringify(t.logs).includes('hospital'), 'the note never reaches a log line');
});

test('the limit is a setting per course: planned sessions and percent move each student’s distance to it', async () => {
  const { course, a, b, sessions } = await setUp();
  await excuse(course.id, course.teacher.headers, {
    student_id: a.id,
    session_id: sessions[1],
    category: 'official_duty',
  });
  const limit = await t.app.inject({
    url: `/api/courses/${course.id}/absence-limit`,
    headers: course.teacher.headers,
  });
  assert.deepEqual(limit.json(), { course_id: course.id, percent: 30, planned_sessions: null });
  const put = await t.app.inject({
    method: 'PUT',
    url: `/api/courses/${course.id}/absence-limit`,
    headers: course.teacher.headers,
    payload: { percent: 25, planned_sessions: 12 },
  });
  assert.equal(put.statusCode, 200, put.body);
  const body = await report(course.id, course.teacher.headers);
  assert.deepEqual(body.absence_limit, { percent: 25, planned_sessions: 12, allowed_absences: 3 });
  const aRow = body.students.find((s: Student) => s.id === a.id);
  assert.deepEqual([aRow.absent, aRow.absences_left, aRow.limit_status], [2, 1, 'near']);
  assert.equal(body.students[0].id, a.id, 'near the limit comes before the rest');
  const bRow = body.students.find((s: Student) => s.id === b.id);
  assert.deepEqual([bRow.absent, bRow.limit_status], [0, 'ok']);
  const own = (await t.app.inject({ url: '/api/student/absences', headers: a.headers })).json();
  assert.deepEqual([own.items[0].absences_left, own.items[0].limit_status], [1, 'near']);

  const admin = await t.user('admin');
  const byAdmin = await t.app.inject({
    method: 'PUT',
    url: `/api/courses/${course.id}/absence-limit`,
    headers: admin.headers,
    payload: { percent: 101, planned_sessions: null },
  });
  assert.equal(byAdmin.statusCode, 400, 'a percentage beyond 100 is refused');
  const [entry] = await t.app.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'course.absence_limit_set'));
  assert.ok(entry, 'the change is audited');
});

test('another teacher, a student, a foreign session or student and a second excuse are refused; an admin may', async () => {
  const { course, a, sessions } = await setUp();
  const other = await t.user('teacher');
  const body = { student_id: a.id, session_id: sessions[2], category: 'other', note: NOTE };
  assert.equal((await excuse(course.id, other.headers, body)).statusCode, 403);
  assert.equal((await excuse(course.id, a.headers, body)).statusCode, 403);
  for (const url of [
    `/api/courses/${course.id}/excused-absences`,
    `/api/courses/${course.id}/absence-limit`,
  ]) {
    assert.equal((await t.app.inject({ url, headers: other.headers })).statusCode, 403, url);
    assert.equal((await t.app.inject({ url, headers: a.headers })).statusCode, 403, url);
  }
  const put = await t.app.inject({
    method: 'PUT',
    url: `/api/courses/${course.id}/absence-limit`,
    headers: other.headers,
    payload: { percent: 0, planned_sessions: null },
  });
  assert.equal(put.statusCode, 403);
  assert.equal((await excuse(crypto.randomUUID(), course.teacher.headers, body)).statusCode, 404);

  const elsewhere = await setUp();
  const foreignSession = { ...body, session_id: elsewhere.sessions[0] };
  assert.equal((await excuse(course.id, course.teacher.headers, foreignSession)).statusCode, 404);
  const foreignStudent = { ...body, student_id: elsewhere.a.id };
  assert.equal((await excuse(course.id, course.teacher.headers, foreignStudent)).statusCode, 404);
  const badCategory = { ...body, category: 'holiday' };
  assert.equal((await excuse(course.id, course.teacher.headers, badCategory)).statusCode, 400);

  const admin = await t.user('admin');
  const made = await excuse(course.id, admin.headers, body);
  assert.equal(made.statusCode, 201, made.body);
  assert.equal((await excuse(course.id, course.teacher.headers, body)).statusCode, 409);
  const removeAsOther = await t.app.inject({
    method: 'DELETE',
    url: `/api/courses/${course.id}/excused-absences/${made.json().id}`,
    headers: other.headers,
  });
  assert.equal(removeAsOther.statusCode, 403);
  const removeElsewhere = await t.app.inject({
    method: 'DELETE',
    url: `/api/courses/${elsewhere.course.id}/excused-absences/${made.json().id}`,
    headers: elsewhere.course.teacher.headers,
  });
  assert.equal(removeElsewhere.statusCode, 404, 'an excuse is found only through its own course');
  const list = await t.app.inject({
    url: `/api/courses/${course.id}/excused-absences`,
    headers: course.teacher.headers,
  });
  assert.equal(list.json().items.length, 1);
  assert.ok(!JSON.stringify(t.logs).includes('hospital'), 'not even a refused request logs the note');
});
