// Per-course and per-student reports, CSV export and a student's own history and rate.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { and, eq, sql } from 'drizzle-orm';
import { checkins, users } from '../../src/db/schema/index.ts';
import { type AttnTest, startAttn } from '../helpers.ts';
import { addCheckin, addSession } from './attendance-rows.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ url, headers });

async function courseWithAttendance() {
  const course = await t.course({ students: 3 });
  const [a, b, c] = course.students;
  if (!a || !b || !c) throw new Error('three students');
  const s1 = await addSession(t, course, { hoursAgo: 48, title: 'Week 1' });
  const s2 = await addSession(t, course, { hoursAgo: 24, title: 'Week 2' });
  const open = await addSession(t, course, { hoursAgo: 0.1, open: true, title: 'Now' });
  await addCheckin(t, s1, a.id, 'present');
  await addCheckin(t, s2, a.id, 'late');
  await addCheckin(t, s1, b.id, 'present');
  await addCheckin(t, open, c.id, 'present');
  return { course, a, b, c, s1, s2, open };
}

test('the course report counts held sessions, attended and late per enrolled student', async () => {
  const { course, a, b, c } = await courseWithAttendance();
  const res = await get(`/api/teacher/courses/${course.id}/report`, course.teacher.headers);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.sessions_held, 2, 'the open session is not held yet');
  const by = (id: string) => body.students.find((s: { id: string }) => s.id === id);
  assert.deepEqual([by(a.id).attended, by(a.id).late, by(a.id).rate], [2, 1, 1]);
  assert.deepEqual([by(b.id).attended, by(b.id).late, by(b.id).rate], [1, 0, 0.5]);
  assert.deepEqual([by(c.id).attended, by(c.id).rate], [0, 0]);
  assert.equal(body.students.length, 3);

  const empty = await t.course({ students: 1 });
  const none = (await get(`/api/teacher/courses/${empty.id}/report`, empty.teacher.headers)).json();
  assert.equal(none.sessions_held, 0);
  assert.equal(none.students[0].rate, null);
});

test('a check-in whose selfie was rejected does not count as attended', async () => {
  const course = await t.course({ students: 2 });
  const [a, b] = course.students;
  if (!a || !b) throw new Error('two students');
  const s1 = await addSession(t, course, { hoursAgo: 24 });
  await addCheckin(t, s1, a.id, 'present');
  const rejected = await addCheckin(t, s1, b.id, 'present');
  await t.app.db.update(checkins).set({ verification: 'rejected' }).where(eq(checkins.id, rejected));
  const body = (await get(`/api/teacher/courses/${course.id}/report`, course.teacher.headers)).json();
  const by = (id: string) => body.students.find((s: { id: string }) => s.id === id);
  assert.deepEqual([by(a.id).attended, by(b.id).attended], [1, 0]);
});

test('teacher reports refuse another teacher (403), an unknown course (404) and students (403)', async () => {
  const { course, a } = await courseWithAttendance();
  const other = await t.user('teacher');
  for (const url of [
    `/api/teacher/courses/${course.id}/report`,
    `/api/teacher/courses/${course.id}/students/${a.id}/report`,
    `/api/teacher/courses/${course.id}/export.csv`,
  ]) {
    assert.equal((await get(url, other.headers)).statusCode, 403, url);
    assert.equal((await get(url, a.headers)).statusCode, 403, url);
    const unknown = url.replace(course.id, crypto.randomUUID());
    assert.equal((await get(unknown, course.teacher.headers)).statusCode, 404, unknown);
  }
  const stranger = await t.user('student');
  const notOnRoster = await get(
    `/api/teacher/courses/${course.id}/students/${stranger.id}/report`,
    course.teacher.headers,
  );
  assert.equal(notOnRoster.statusCode, 404);
});

test('the per-student report lists every session with present, late, absent or not yet', async () => {
  const { course, a, c } = await courseWithAttendance();
  const res = await get(`/api/teacher/courses/${course.id}/students/${c.id}/report`, course.teacher.headers);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(
    body.sessions.map((s: { title: string; attendance: string }) => `${s.title}:${s.attendance}`),
    ['Week 1:absent', 'Week 2:absent', 'Now:present'],
  );
  assert.deepEqual([body.sessions_held, body.attended, body.rate], [2, 0, 0]);
  const ra = (
    await get(`/api/teacher/courses/${course.id}/students/${a.id}/report`, course.teacher.headers)
  ).json();
  assert.deepEqual(
    ra.sessions.map((s: { attendance: string }) => s.attendance),
    ['present', 'late', 'not_yet'],
  );
});

test('the CSV export streams a line per held session and student, neutralising formulas, and is audited', async () => {
  const { course, a } = await courseWithAttendance();
  await t.app.db.update(users).set({ fullName: '=HYPERLINK("http://x","y")' }).where(eq(users.id, a.id));
  const res = await get(`/api/teacher/courses/${course.id}/export.csv`, course.teacher.headers);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.headers['content-type'] as string, /^text\/csv/);
  assert.match(res.headers['content-disposition'] as string, /attachment; filename="attendance-/);
  const lines = res.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(
    lines[0],
    'session_id,session_title,session_opened_at,school_number,full_name,attendance,excuse_category,source,checked_in_at',
  );
  assert.equal(lines.length, 1 + 2 * 3, 'two held sessions times three students');
  assert.ok(
    lines.some((l) => l.includes(`"'=HYPERLINK(""http://x"",""y"")"`)),
    'the formula is text',
  );
  assert.ok(!lines.some((l) => l.includes(',=HYPERLINK')));
  assert.equal(lines.filter((l) => l.includes(',late,')).length, 1);
  assert.equal(lines.filter((l) => l.includes(',absent,')).length, 3);
  const audits = await t.app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'attendance.exported'), eq(auditLog.entityId, course.id)));
  assert.equal(audits.length, 1);
});

test('a student reads their own history across courses, paged by keyset, and nobody else’s', async () => {
  const first = await courseWithAttendance();
  const second = await t.course({ teacher: first.course.teacher, students: 0 });
  const { a, b } = first;
  await t.app.db.execute(
    sql`insert into enrollments (course_id, student_id, source) values (${second.id}, ${a.id}, 'csv')`,
  );
  for (let i = 0; i < 3; i++) {
    const s = await addSession(t, second, { hoursAgo: 10 - i });
    t.clock.advance(1000);
    await addCheckin(t, s, a.id);
  }
  const seen: { id: string; course: { id: string } }[] = [];
  let before: string | null = null;
  for (let page = 0; page < 10; page++) {
    const q: string = before ? `&before=${encodeURIComponent(before)}` : '';
    const res = await get(`/api/student/history?limit=2${q}`, a.headers);
    assert.equal(res.statusCode, 200, res.body);
    seen.push(...res.json().items);
    before = res.json().next_before;
    if (!before) break;
  }
  assert.equal(seen.length, 5, 'two in the first course, three in the second');
  assert.equal(new Set(seen.map((s) => s.id)).size, 5);
  assert.deepEqual(new Set(seen.map((s) => s.course.id)), new Set([first.course.id, second.id]));
  const bHistory = (await get('/api/student/history', b.headers)).json().items;
  assert.equal(bHistory.length, 1, 'b sees only b’s check-in');
  assert.equal((await get('/api/student/history', first.course.teacher.headers)).statusCode, 403);
  assert.equal((await get('/api/student/history?before=zzz', a.headers)).statusCode, 400);
});

test('a student reads their own rate in their course; another course is 403, and teacher notes stay hidden', async () => {
  const { course, a, s1 } = await courseWithAttendance();
  await t.app.db.execute(
    sql`update checkins set reason = 'private teacher note' where session_id = ${s1} and student_id = ${a.id}`,
  );
  const res = await get(`/api/student/courses/${course.id}/report`, a.headers);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().student_id, res.json().attended, res.json().rate], [a.id, 2, 1]);
  assert.ok(!res.body.includes('private teacher note'));
  const other = await t.course({ students: 0 });
  assert.equal((await get(`/api/student/courses/${other.id}/report`, a.headers)).statusCode, 403);
  assert.equal((await get(`/api/student/courses/${crypto.randomUUID()}/report`, a.headers)).statusCode, 404);
  assert.equal(
    (await get(`/api/student/courses/${course.id}/report`, course.teacher.headers)).statusCode,
    403,
  );
});
