// Acceptance item 5, who may call what. First the role table: EVERY route of ATTN is listed
// here with who may call it, and the guard must agree (a new route fails this test until it is
// added: that is the point). Then ownership, which roles alone cannot express: a teacher
// cannot touch another teacher's course or its sessions, and a student reads only their own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Sessions } from '@campus/platform/auth';
import { assertAccess, type TestCaller } from '@campus/platform/testing';
import { SESSION_COOKIE } from '../src/modules/auth/index.ts';
import { type AttnTest, startAttn, type TestCourse } from './helpers.ts';
import { addCheckin, addSession } from './reports/attendance-rows.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const T = ['teacher'];
const S = ['student'];
const A = ['admin'];

test('every ATTN route declares the access this table gives it, and the guard enforces it', async () => {
  const sessions = new Sessions({ clock: t.clock });
  const callers: Record<string, TestCaller> = {};
  for (const role of ['student', 'teacher', 'admin'] as const) {
    const user = await t.user(role);
    // A fresh login session per request: the check moves the clock a day before each route.
    callers[role] = {
      roles: [role],
      headers: async () => ({
        cookie: `${SESSION_COOKIE}=${(await sessions.create(t.app.db, user.id)).token}`,
      }),
    };
  }
  await assertAccess({
    app: t.app,
    clock: t.clock,
    callers,
    expected: {
      'POST /api/auth/login': 'public',
      'POST /api/auth/logout': 'authenticated',
      'GET /api/auth/me': 'authenticated',
      'POST /api/auth/login/code': 'public',
      'POST /api/auth/login/enrol': 'public',
      'POST /api/auth/login/enrol/confirm': 'public',
      'GET /api/auth/two-factor': ['teacher', 'admin'],
      'POST /api/auth/two-factor/enrol': ['teacher', 'admin'],
      'POST /api/auth/two-factor/confirm': ['teacher', 'admin'],
      'POST /api/auth/two-factor/disable': ['teacher', 'admin'],
      'PUT /api/auth/two-factor/requirement': ['admin'],
      // courses
      'GET /api/teacher/courses': T,
      'GET /api/teacher/courses/:courseId': T,
      'GET /api/student/courses': S,
      'GET /api/admin/terms': A,
      'GET /api/admin/courses': A,
      'POST /api/admin/import/roster': A,
      // attendance sessions and check-ins
      'POST /api/teacher/courses/:courseId/sessions': T,
      'GET /api/teacher/sessions/:id': T,
      'POST /api/teacher/sessions/:id/close': T,
      'GET /api/teacher/sessions/:id/code': T,
      'GET /api/teacher/sessions/:id/checkins': T,
      'POST /api/checkin-tickets': 'public',
      'POST /api/student/checkins': S,
      'POST /api/student/checkins/selfie': S,
      'GET /api/teacher/sessions/:id/live': T,
      // reports and marks
      'GET /api/teacher/courses/:courseId/report': T,
      'GET /api/teacher/courses/:courseId/students/:studentId/report': T,
      'GET /api/teacher/courses/:courseId/export.csv': T,
      'GET /api/student/history': S,
      'GET /api/student/courses/:courseId/report': S,
      'GET /api/student/absences': S,
      'POST /api/teacher/sessions/:sessionId/marks': T,
      'DELETE /api/teacher/sessions/:sessionId/marks/:studentId': T,
      // excused absences and the absence limit: the course's teachers and admins
      'GET /api/courses/:courseId/excused-absences': ['teacher', 'admin'],
      'POST /api/courses/:courseId/excused-absences': ['teacher', 'admin'],
      'DELETE /api/courses/:courseId/excused-absences/:excuseId': ['teacher', 'admin'],
      'GET /api/courses/:courseId/absence-limit': ['teacher', 'admin'],
      'PUT /api/courses/:courseId/absence-limit': ['teacher', 'admin'],
      // selfie verification review
      'GET /api/teacher/sessions/:sessionId/reviews': T,
      'GET /api/teacher/checkins/:checkinId/selfie': T,
      'POST /api/teacher/checkins/:checkinId/review': T,
      // SIS sync
      'POST /api/admin/sis/sync': A,
      'GET /api/admin/sis/sync-runs': A,
      'GET /api/admin/sis/status': A,
      // the platform's job admin routes, mounted for admins
      'GET /api/admin/jobs': A,
      'GET /api/admin/jobs/:queue/failed': A,
      'POST /api/admin/jobs/:queue/:id/retry': A,
      'POST /api/admin/jobs/:queue/:id/cancel': A,
      'GET /api/admin/backups': A,
      'POST /api/admin/backups': A,
      // face enrolment (no ids: always the caller's own)
      'GET /api/student/face': S,
      'POST /api/student/face/consent': S,
      'DELETE /api/student/face/consent': S,
      'POST /api/student/face/enrolment': S,
      // a student's data on request: admins for anyone (by school number), a student their own
      'GET /api/admin/privacy/students/:schoolNumber': A,
      'GET /api/admin/privacy/students/:schoolNumber/export': A,
      'DELETE /api/admin/privacy/students/:schoolNumber/face': A,
      'GET /api/student/privacy/export': S,
    },
  });
});

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: object;
}

/** Every route that names a course, a session or a student of one, aimed at `course`. */
function teacherRoutesOf(course: TestCourse, sessionId: string): Call[] {
  const c = course.id;
  const student = course.students[0]?.id ?? '';
  return [
    { method: 'GET', url: `/api/teacher/courses/${c}` },
    { method: 'GET', url: `/api/teacher/courses/${c}/report` },
    { method: 'GET', url: `/api/teacher/courses/${c}/students/${student}/report` },
    { method: 'GET', url: `/api/teacher/courses/${c}/export.csv` },
    { method: 'POST', url: `/api/teacher/courses/${c}/sessions`, payload: { duration_minutes: 10 } },
    { method: 'GET', url: `/api/teacher/sessions/${sessionId}` },
    { method: 'POST', url: `/api/teacher/sessions/${sessionId}/close`, payload: {} },
    { method: 'GET', url: `/api/teacher/sessions/${sessionId}/code` },
    { method: 'GET', url: `/api/teacher/sessions/${sessionId}/checkins` },
    { method: 'GET', url: `/api/teacher/sessions/${sessionId}/live` },
    {
      method: 'POST',
      url: `/api/teacher/sessions/${sessionId}/marks`,
      payload: { student_id: student, status: 'present', reason: 'test' },
    },
    {
      method: 'DELETE',
      url: `/api/teacher/sessions/${sessionId}/marks/${student}`,
      payload: { reason: 'test' },
    },
    { method: 'GET', url: `/api/courses/${c}/excused-absences` },
    {
      method: 'POST',
      url: `/api/courses/${c}/excused-absences`,
      payload: { student_id: student, session_id: sessionId, category: 'other' },
    },
    { method: 'DELETE', url: `/api/courses/${c}/excused-absences/${crypto.randomUUID()}` },
    { method: 'GET', url: `/api/courses/${c}/absence-limit` },
    {
      method: 'PUT',
      url: `/api/courses/${c}/absence-limit`,
      payload: { percent: 10, planned_sessions: null },
    },
  ];
}

test('a teacher cannot touch another teacher’s course or its sessions: 403 on every route, nothing changes', async () => {
  const course = await t.course({ students: 2 });
  const sessionId = await addSession(t, course, { hoursAgo: 0.1, open: true });
  await addCheckin(t, sessionId, course.students[0]?.id ?? '');
  const other = await t.user('teacher');
  for (const call of teacherRoutesOf(course, sessionId)) {
    const res: { statusCode: number; body: string } = await t.app.inject({ ...call, headers: other.headers });
    assert.equal(res.statusCode, 403, `${call.method} ${call.url}: ${res.body}`);
  }
  const still = await t.app.inject({
    url: `/api/teacher/courses/${course.id}/report`,
    headers: course.teacher.headers,
  });
  assert.equal(
    still.json().students.find((s: { id: string }) => s.id === course.students[0]?.id).attended,
    0,
  );
  const open = await t.app.inject({
    url: `/api/teacher/sessions/${sessionId}`,
    headers: course.teacher.headers,
  });
  assert.equal(open.statusCode, 200, 'the session was not closed by the other teacher');
});

test('a student cannot read another student’s history or report, nor any teacher route', async () => {
  const course = await t.course({ students: 2 });
  const [me, classmate] = course.students;
  if (!me || !classmate) throw new Error('two students');
  const sessionId = await addSession(t, course, { hoursAgo: 2 });
  await addCheckin(t, sessionId, classmate.id);
  const mine = await t.app.inject({ url: '/api/student/history', headers: me.headers });
  assert.equal(mine.statusCode, 200);
  assert.deepEqual(mine.json().items, [], 'the classmate’s check-in is not in my history');
  const elsewhere = await t.course({ students: 1 });
  const theirs = await t.app.inject({
    url: `/api/student/courses/${elsewhere.id}/report`,
    headers: me.headers,
  });
  assert.equal(theirs.statusCode, 403);
  const own = await t.app.inject({ url: `/api/student/courses/${course.id}/report`, headers: me.headers });
  assert.equal(own.json().student_id, me.id, 'the report is always the caller’s own');
  for (const call of teacherRoutesOf(course, sessionId)) {
    const res: { statusCode: number; body: string } = await t.app.inject({ ...call, headers: me.headers });
    assert.equal(res.statusCode, 403, `${call.method} ${call.url}`);
  }
});
