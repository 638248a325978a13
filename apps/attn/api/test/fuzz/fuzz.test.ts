// ATTN under fuzz (issue 17): every operation of /openapi.json, valid and mutated requests,
// anonymously and as student, teacher and admin, with the rate limits raised by configuration.
// Valid requests use real records made here first (a course with its teacher and student, open
// sessions and their codes, a mark, an excused absence, a face enrolment, selfie check-ins (some
// held for review), a SIS simulator, a waiting and a failed job; two-factor set up through the
// API with codes from its secret). Fails on a 5xx, a 4xx outside the error shape,
// a hang, or an operation that never succeeds for a caller allowed to use it. FUZZ_SEED replays.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Sessions } from '@campus/platform/auth';
import {
  type FuzzCaller,
  type FuzzRequest,
  formatReport,
  fuzzSettings,
  nulWalk,
  type Operation,
  runFuzz,
  testDbKind,
  twoFactorTesting,
} from '@campus/platform/testing';
import { sql } from 'drizzle-orm';
import { enrollments } from '../../src/db/schema/index.ts';
import { SESSION_COOKIE } from '../../src/modules/auth/index.ts';
import { demoRoster } from '../../src/modules/sis/simulator/demo-roster.ts';
import { type SisSimulator, startSisSimulator } from '../../src/modules/sis/simulator/sis-simulator.ts';
import { attnSpec } from '../../src/spec.ts';
import { enrol, form, selfieCheckIn, settled, waitForCheckin } from '../attendance/verification-helpers.ts';
import { oneFace } from '../face/sample-images.ts';
import { type AttnTest, startAttn, TEST_PASSWORD, type TestCourse, type TestUser } from '../helpers.ts';
import { codeOf, openSession } from '../sessions/session-helpers.ts';

const settings = fuzzSettings();
const UNLIMITED = '100000/minute';

let twoFactor: ReturnType<typeof twoFactorTesting>;
let t: AttnTest;
let sim: SisSimulator;
let course: TestCourse;
let teacher: TestUser;
let student: TestUser;
let admin: TestUser;
let photo: Buffer;
/** A grey copy of the photo: below the quality gate, so its check-in is held for review. */
let grey: Buffer;
/** The user whose logins the two-factor login routes finish. */
let twoFactorUser: TestUser;
let callers: Record<string, FuzzCaller>;
const ids: Record<string, string> = {};

async function call(method: string, url: string, headers: Record<string, string>, payload?: unknown) {
  const res = await t.app.inject({
    method: method as 'POST',
    url,
    headers: { 'sec-fetch-site': 'same-origin', ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : undefined;
}

before(async () => {
  sim = await startSisSimulator({ data: demoRoster({ students: 3 }) });
  t = await startAttn({
    SIS_URL: sim.url,
    ...Object.fromEntries(
      Object.keys(attnSpec.policies ?? {}).map((name) => [`RATE_LIMIT_${name.toUpperCase()}`, UNLIMITED]),
    ),
  });
  twoFactor = twoFactorTesting(t.app.db, t.clock);
  teacher = await t.user('teacher');
  admin = await t.user('admin');
  course = await t.course({ teacher, students: 2 });
  student = course.students[0] as TestUser;
  ids.otherStudent = course.students[1]?.id ?? '';
  const sessions = new Sessions({ clock: t.clock });
  const as = (user: TestUser): FuzzCaller => ({
    roles: [user.role],
    headers: async () => ({
      cookie: `${SESSION_COOKIE}=${(await sessions.create(t.app.db, user.id)).token}`,
    }),
  });
  callers = { student: as(student), teacher: as(teacher), admin: as(admin) };

  const session = await openSession(t, course);
  ids.session = session.id;
  ids.code = await codeOf(t, teacher, session.id);
  photo = await oneFace().jpeg().toBuffer();
  grey = await oneFace().greyscale().jpeg().toBuffer();
  await enrol(t, student, photo);
  twoFactorUser = await t.user('teacher');
  ids.heldCheckin = await heldCheckin();
  ids.consentVersion = (await call('GET', '/api/student/face', student.headers)).consent_text.version;
  ids.excuse = await freshExcuse();
});

/** A new course of the teacher's with the run's student enrolled and a session open: its ids and code. */
async function freshSession(
  selfieRequired = false,
): Promise<{ courseId: string; sessionId: string; code: string }> {
  const other = await t.course({ teacher, students: 0 });
  await t.app.db.insert(enrollments).values({ courseId: other.id, studentId: student.id, source: 'csv' });
  const opened = await openSession(t, other, selfieRequired ? { selfie_required: true } : {});
  return { courseId: other.id, sessionId: opened.id, code: await codeOf(t, teacher, opened.id) };
}

/** A selfie check-in of the run's student held for the teacher's review: its id. */
async function heldCheckin(): Promise<string> {
  const fresh = await freshSession(true);
  const res = await selfieCheckIn(t, student, { session_id: fresh.sessionId, code: fresh.code }, grey);
  assert.equal(res.statusCode, 201, res.body);
  const state = await waitForCheckin(t, res.json().id, settled);
  assert.equal(state.verification, 'needs_review', JSON.stringify(state));
  return state.id;
}

/** Set when the fuzz run starts (the NUL walk runs first). */
let fuzzing = false;
/** Two-factor freshly on for a user, through the API; its secret. */
async function twoFactorOn(subject: string, headers: Record<string, string>): Promise<string> {
  await twoFactor.off(subject);
  const { secret } = await call('POST', '/api/auth/two-factor/enrol', headers);
  await call('POST', '/api/auth/two-factor/confirm', headers, { code: twoFactor.nextCode(secret) });
  return secret;
}
/** The password step of the two-factor user's login: its pending token. */
async function pendingLogin(): Promise<string> {
  const answer = await call(
    'POST',
    '/api/auth/login',
    {},
    {
      school_number: twoFactorUser.schoolNumber,
      password: TEST_PASSWORD,
    },
  );
  return answer.pending_token;
}
const users = (): Record<string, TestUser> => ({ student, teacher, admin });

/** The valid requests of the two-factor routes and of a held selfie, when this is one of them. */
async function prepareSpecial(op: Operation, req: FuzzRequest, caller: string): Promise<boolean> {
  // Two-factor is for teachers and admins: a student's requests go as generated (and are refused).
  const user = caller === 'student' ? undefined : users()[caller];
  const own = user ? await callers[caller]?.headers() : undefined;
  switch (op.key) {
    case 'POST /api/auth/two-factor/confirm': {
      if (!user || !own) return false;
      await twoFactor.off(user.id);
      const { secret } = await call('POST', '/api/auth/two-factor/enrol', own);
      req.json = { code: twoFactor.nextCode(secret) };
      return true;
    }
    case 'POST /api/auth/two-factor/disable':
      if (!user || !own) return false;
      await twoFactorOn(user.id, own);
      req.json = { password: TEST_PASSWORD };
      return true;
    case 'POST /api/auth/login/code': {
      const secret = await twoFactorOn(twoFactorUser.id, twoFactorUser.headers);
      req.json = { pending_token: await pendingLogin(), code: twoFactor.nextCode(secret) };
      return true;
    }
    case 'POST /api/auth/login/enrol':
    case 'POST /api/auth/login/enrol/confirm': {
      await twoFactor.require(true);
      await twoFactor.off(twoFactorUser.id);
      const pending = await pendingLogin();
      if (op.key.endsWith('/enrol')) req.json = { pending_token: pending };
      else {
        const { secret } = await call('POST', '/api/auth/login/enrol', {}, { pending_token: pending });
        req.json = { pending_token: pending, code: twoFactor.nextCode(secret) };
      }
      return true;
    }
    case 'POST /api/teacher/checkins/:checkinId/review':
      // A decision is taken once: a check-in of its own held for review each time.
      req.params.checkinId = await heldCheckin();
      return true;
  }
  return false;
}

/** The course's excused absences all taken back, then one new one: its id. */
async function freshExcuse(): Promise<string> {
  const url = `/api/courses/${course.id}/excused-absences`;
  const headers = (await callers.teacher?.headers()) ?? {};
  const { items } = await call('GET', url, headers);
  for (const item of items as { id: string }[]) await call('DELETE', `${url}/${item.id}`, headers);
  const made = await call('POST', url, headers, {
    student_id: student.id,
    session_id: ids.session,
    category: 'medical_report',
  });
  return made.id;
}
after(async () => {
  await t?.close();
  await sim?.close();
});

async function prepare(op: Operation, req: FuzzRequest, caller: string, purpose: 'valid' | 'mutate') {
  // Required two-factor is only for the login routes that enrol: off again for everything else.
  if (!op.key.startsWith('POST /api/auth/login/enrol')) await twoFactor.require(false);
  // In the fuzz run only: the NUL walk before it must not move the clock past the session's code.
  if (fuzzing && purpose === 'valid' && (caller === 'anonymous' || caller in callers)) {
    if (await prepareSpecial(op, req, caller)) return req;
  }
  const p = req.params;
  const body = (req.json !== null && typeof req.json === 'object' ? req.json : {}) as Record<string, unknown>;
  const param = (name: string, value: string | undefined) => {
    if (name in p && value) p[name] = value;
  };
  param('courseId', course.id);
  param('studentId', student.id);
  param('sessionId', ids.session);
  param('excuseId', ids.excuse);
  param('schoolNumber', student.schoolNumber);
  param('checkinId', ids.heldCheckin);
  if (op.path.startsWith('/api/teacher/sessions/{id}')) param('id', ids.session);
  if ('student_id' in body) body.student_id = student.id;
  if ('session_id' in body) body.session_id = ids.session;
  if ('code' in body) body.code = ids.code;
  switch (op.key) {
    case 'PUT /api/auth/two-factor/requirement':
      // Requiring two-factor would end every session of this run: valid requests keep it off.
      if ('required' in body) body.required = false;
      break;
    case 'POST /api/student/face/consent':
      body.text_version = ids.consentVersion;
      break;
    case 'POST /api/teacher/courses/:courseId/sessions':
      // One open session per course: a new course for each valid request.
      delete body.allowed_networks;
      if (purpose === 'valid') p.courseId = (await t.course({ teacher, students: 0 })).id;
      break;
    case 'POST /api/student/checkins':
      req.json = { session_id: ids.session, code: ids.code, device_id: `device-${student.id}` };
      break;
    case 'POST /api/courses/:courseId/excused-absences':
      if (purpose === 'valid') {
        await freshExcuse();
        await call(
          'DELETE',
          `/api/courses/${course.id}/excused-absences/${await freshExcuse()}`,
          teacher.headers,
        );
      }
      break;
    case 'DELETE /api/courses/:courseId/excused-absences/:excuseId':
      if (purpose === 'valid') p.excuseId = await freshExcuse();
      break;
    case 'POST /api/auth/login':
      req.json = { school_number: student.schoolNumber, password: TEST_PASSWORD };
      break;
    case 'POST /api/admin/import/roster':
      req.raw = [
        'term,term_starts_on,term_ends_on,course_code,course_title,school_number,full_name,email,role',
        `Fuzz term,2026-09-01,2027-01-31,FZ101,Fuzzing,fz${crypto.randomUUID().slice(0, 6)},Fuzz Student,fz@example.org,student`,
      ].join('\n');
      req.headers['content-type'] = 'text/csv';
      break;
    case 'POST /api/student/face/enrolment': {
      const f = form({}, { name: 'face.jpg', bytes: photo, field: 'photo' });
      req.raw = f.payload;
      Object.assign(req.headers, f.headers);
      break;
    }
    case 'POST /api/student/checkins/selfie': {
      // One check-in per session: a session of its own for each valid request.
      const session = purpose === 'valid' ? await freshSession() : { sessionId: ids.session, code: ids.code };
      const f = form(
        { session_id: session.sessionId ?? '', code: session.code ?? '', device_id: `device-${student.id}` },
        { name: 'selfie.jpg', bytes: photo },
      );
      req.raw = f.payload;
      Object.assign(req.headers, f.headers);
      break;
    }
    case 'GET /api/admin/jobs/:queue/failed':
      param('queue', 'attn-archive');
      break;
    case 'POST /api/admin/jobs/:queue/:id/cancel':
    case 'POST /api/admin/jobs/:queue/:id/retry': {
      param('queue', 'attn-archive');
      const id = await t.app.jobs.send(
        'attn-archive',
        { to: 'nobody' },
        { startAfter: new Date(Date.now() + 3600_000) },
      );
      if (op.key.endsWith('retry'))
        await t.app.db.execute(sql`UPDATE pgboss.job SET state = 'failed' WHERE id = ${id}`);
      param('id', id ?? '');
      break;
    }
  }
  void purpose;
  return req;
}

const LAST = [
  // Two-factor is turned on and off for the callers here, so after every other operation.
  'POST /api/auth/two-factor/confirm',
  'POST /api/auth/two-factor/disable',
  'POST /api/auth/login/code',
  'POST /api/auth/login/enrol',
  'POST /api/auth/login/enrol/confirm',
  'POST /api/teacher/sessions/:id/close',
  'DELETE /api/admin/privacy/students/:schoolNumber/face',
  'DELETE /api/student/face/consent',
  'POST /api/auth/logout',
];

const someCaller = (op: Operation): FuzzCaller | null => {
  const access = t.app.guard.routes().find((r) => `${r.method} ${r.url}` === op.key)?.access;
  if (access === 'public') return null;
  if (access === 'authenticated') return callers.student ?? null;
  const role = (access ?? []).find((r) => r in callers);
  return role ? (callers[role] ?? null) : null;
};

test('A NUL in any text field answers 400 on every write route', async () => {
  const results = await nulWalk({ app: t.app, now: t.clock.now(), prepare, callerFor: someCaller });
  const wrong = results.filter((r) => r.status !== 400);
  assert.deepEqual(wrong, [], JSON.stringify(wrong, null, 1));
  const ops = new Set(results.map((r) => r.operation));
  assert.ok(ops.size >= 20, `walked ${ops.size} write routes`);
  console.log(`NUL walk: ${results.length} requests over ${ops.size} write routes, all 400`);
});

test('fuzz: no 5xx, every error in the shape, no hang, every operation succeeds for its callers', {
  timeout: settings.timeout,
}, async () => {
  const started = performance.now();
  fuzzing = true;
  const report = await runFuzz({
    app: t.app,
    callers,
    seed: settings.seed,
    now: t.clock.now(),
    valid: settings.valid,
    mutated: settings.mutated,
    prepare,
    last: LAST,
    mayNeverSucceed: {
      // On PostgreSQL backups are pg_dump's job: the admin action answers 409 and says so.
      ...(testDbKind() === 'postgres'
        ? { 'POST /api/admin/backups': 'PostgreSQL: pg_dump makes the backups' }
        : {}),
    },
  });
  console.log(formatReport('ATTN', report));
  console.log(`fuzz ATTN took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  assert.deepEqual(
    report.problems,
    [],
    `${report.problems.length} problems (seed ${report.seed}: FUZZ_SEED=${report.seed} replays)`,
  );
});
