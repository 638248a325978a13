// Marking by hand: only a teacher of the session's course, only students on its roster, with a
// reason kept on the check-in and only its length in the audit log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { and, eq } from 'drizzle-orm';
import { checkins, terms } from '../../src/db/schema/index.ts';
import { createAttnLive } from '../../src/live-channel.ts';
import { type AttnTest, startAttn } from '../helpers.ts';
import { addCheckin, addSession } from '../reports/attendance-rows.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const REASON = 'Was at the hospital, brought a note';
const mark = (sessionId: string, body: object, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/teacher/sessions/${sessionId}/marks`, payload: body, headers });
const unmark = (sessionId: string, studentId: string, body: object, headers: Record<string, string>) =>
  t.app.inject({
    method: 'DELETE',
    url: `/api/teacher/sessions/${sessionId}/marks/${studentId}`,
    payload: body,
    headers,
  });
const rowOf = async (sessionId: string, studentId: string) =>
  (
    await t.app.db
      .select()
      .from(checkins)
      .where(and(eq(checkins.sessionId, sessionId), eq(checkins.studentId, studentId)))
  )[0];
const auditsOf = (entityId: string) =>
  t.app.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));

test('a teacher marks a student present by hand: a manual check-in with the reason, audited without it', async () => {
  const course = await t.course({ students: 2 });
  const [s] = course.students;
  if (!s) throw new Error('a student');
  const session = await addSession(t, course, { hoursAgo: 2 });
  const res = await mark(
    session,
    { student_id: s.id, status: 'present', reason: REASON },
    course.teacher.headers,
  );
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().created, true);
  assert.equal(res.json().source, 'manual');
  assert.equal(res.json().marked_by, course.teacher.id);
  const row = await rowOf(session, s.id);
  assert.equal(row?.reason, REASON);
  assert.equal(row?.source, 'manual');
  const [entry] = await auditsOf(res.json().id);
  assert.equal(entry?.action, 'checkin.marked');
  assert.deepEqual(entry?.changes, {
    session_id: session,
    student_id: s.id,
    status: 'present',
    previous_status: null,
    reason_chars: REASON.length,
  });
  assert.ok(!JSON.stringify(await t.app.db.select().from(auditLog)).includes('hospital'));
  assert.ok(!JSON.stringify(t.logs).includes('hospital'), 'the reason never reaches the logs');

  const report = await t.app.inject({
    url: `/api/teacher/courses/${course.id}/report`,
    headers: course.teacher.headers,
  });
  const counted = report.json().students.find((x: { id: string }) => x.id === s.id);
  assert.equal(counted.attended, 1);
});

test('marking a student who checked in changes the status; unmarking deletes the row, both audited', async () => {
  const course = await t.course({ students: 1 });
  const [s] = course.students;
  if (!s) throw new Error('a student');
  const session = await addSession(t, course, { hoursAgo: 2 });
  const id = await addCheckin(t, session, s.id, 'present');
  const seen: { type: string; student: { id: string }; status?: string }[] = [];
  const stop = createAttnLive(t.app.live).subscribe(session, (e) => seen.push(e as (typeof seen)[number]));
  after(stop);
  const res = await mark(
    session,
    { student_id: s.id, status: 'late', reason: 'came 20 minutes late' },
    course.teacher.headers,
  );
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    [res.json().id, res.json().created, res.json().status, res.json().source],
    [id, false, 'late', 'code'],
  );

  const gone = await unmark(session, s.id, { reason: 'not in the room' }, course.teacher.headers);
  assert.equal(gone.statusCode, 200, gone.body);
  assert.equal(await rowOf(session, s.id), undefined);
  const actions = (await auditsOf(id)).map((a) => [
    a.action,
    (a.changes as { previous_status: string }).previous_status,
  ]);
  assert.deepEqual(actions, [
    ['checkin.marked', 'present'],
    ['checkin.unmarked', 'late'],
  ]);
  assert.equal((await unmark(session, s.id, { reason: 'again' }, course.teacher.headers)).statusCode, 404);
  for (let i = 0; i < 50 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(
    seen.map((e) => [e.type, e.student.id, e.status]),
    [
      ['mark', s.id, 'late'],
      ['unmark', s.id, undefined],
    ],
    'the teacher’s live screen is told of both',
  );
});

test('another teacher gets 403, an unknown session 404, a student not on the roster 404, a student 403', async () => {
  const course = await t.course({ students: 1 });
  const [s] = course.students;
  if (!s) throw new Error('a student');
  const session = await addSession(t, course, { hoursAgo: 1, open: true });
  const body = { student_id: s.id, status: 'present', reason: 'r' };
  const other = await t.user('teacher');
  assert.equal((await mark(session, body, other.headers)).statusCode, 403);
  assert.equal((await unmark(session, s.id, { reason: 'r' }, other.headers)).statusCode, 403);
  assert.equal((await mark(crypto.randomUUID(), body, course.teacher.headers)).statusCode, 404);
  const stranger = await t.user('student');
  const off = await mark(session, { ...body, student_id: stranger.id }, course.teacher.headers);
  assert.equal(off.statusCode, 404);
  assert.match(off.json().error.message, /roster/);
  assert.equal((await mark(session, body, s.headers)).statusCode, 403);
  assert.equal(await rowOf(session, s.id), undefined, 'nothing written by the refusals');
});

test('a reason is required (1..500) and the status must be present or late', async () => {
  const course = await t.course({ students: 1 });
  const [s] = course.students;
  if (!s) throw new Error('a student');
  const session = await addSession(t, course, { hoursAgo: 1 });
  const h = course.teacher.headers;
  for (const body of [
    { student_id: s.id, status: 'present' },
    { student_id: s.id, status: 'present', reason: '' },
    { student_id: s.id, status: 'present', reason: 'x'.repeat(501) },
    { student_id: s.id, status: 'absent', reason: 'r' },
    { student_id: 'nope', status: 'present', reason: 'r' },
  ]) {
    const res = await mark(session, body, h);
    assert.equal(res.statusCode, 400, JSON.stringify(body));
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
  }
  assert.equal((await unmark(session, s.id, {}, h)).statusCode, 400);
});

test('an archived term’s attendance cannot be marked (409)', async () => {
  const course = await t.course({ students: 1 });
  const [s] = course.students;
  if (!s) throw new Error('a student');
  const session = await addSession(t, course, { hoursAgo: 1 });
  await t.app.db.update(terms).set({ archivedAt: t.clock.now() }).where(eq(terms.id, course.termId));
  const res = await mark(
    session,
    { student_id: s.id, status: 'present', reason: 'r' },
    course.teacher.headers,
  );
  assert.equal(res.statusCode, 409);
});
