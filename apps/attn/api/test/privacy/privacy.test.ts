// A student's data on request: the export (by an admin, or the student's own) holds every
// section and no biometric number; only admins reach another student's data; an admin deletes a
// student's face data on request; the retention schedule deletes face data of students on no
// active roster once FACE_RETENTION_DAYS have passed, and keeps everyone else's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { eq, sql } from 'drizzle-orm';
import {
  checkins,
  enrollments,
  excusedAbsences,
  faceConsents,
  faceEmbeddings,
  terms,
} from '../../src/db/schema/index.ts';
import { FACE_EMBEDDING_MODEL } from '../../src/modules/face/face.repository.ts';
import { FACE_RETENTION_QUEUE } from '../../src/modules/privacy/index.ts';
import { store } from '../attendance/verification-helpers.ts';
import { type AttnTest, startAttn, type TestCourse, type TestUser } from '../helpers.ts';
import { addCheckin, addSession } from '../reports/attendance-rows.ts';

const RETENTION_DAYS = 30;
const DAY = 86_400_000;

let t: AttnTest;
before(async () => {
  t = await startAttn({ FACE_RETENTION_DAYS: String(RETENTION_DAYS) });
});
after(() => t.close());

/** An embedding no export may show: 128 numbers, each recognisable by its digits. */
const embedding = (seed: number) =>
  Array.from({ length: 128 }, (_, i) => 0.1234567 + seed / 1000 + i / 1_000_000);
const SIMILARITY = 0.8765432;
const SPOOF = 0.4567891;

/** Consent (an older one withdrawn, a live one) and `photos` embeddings made `daysAgo` days before the clock. */
async function enrolFace(student: TestUser, opts: { photos?: number; daysAgo?: number } = {}) {
  const at = new Date(t.clock.nowMs() - (opts.daysAgo ?? 0) * DAY);
  await t.app.db.insert(faceConsents).values({
    userId: student.id,
    textVersion: '2020-01-v0',
    consentedAt: new Date(at.getTime() - DAY),
    withdrawnAt: new Date(at.getTime() - DAY / 2),
  });
  const [consent] = await t.app.db
    .insert(faceConsents)
    .values({ userId: student.id, textVersion: '2026-11-v1', consentedAt: at })
    .returning();
  if (!consent) throw new Error('consent insert');
  for (let i = 0; i < (opts.photos ?? 3); i++)
    await t.app.db.insert(faceEmbeddings).values({
      userId: student.id,
      consentId: consent.id,
      embedding: embedding(i),
      model: FACE_EMBEDDING_MODEL,
      detectionScore: 0.99,
      faceSize: 200,
      createdAt: at,
    });
}

const embeddingsOf = async (id: string) =>
  (await t.app.db.select().from(faceEmbeddings).where(eq(faceEmbeddings.userId, id))).length;
const auditOf = async (action: string) => t.app.db.select().from(auditLog).where(eq(auditLog.action, action));

/** A student of `course` with a full record: a verified selfie check-in, one kept for review, an excused absence. */
async function fullRecord(course: TestCourse) {
  const student = course.students[0];
  if (!student) throw new Error('no student');
  await enrolFace(student);
  const verified = await addCheckin(
    t,
    await addSession(t, course, { hoursAgo: 48, title: 'Week 1' }),
    student.id,
  );
  await t.app.db
    .update(checkins)
    .set({
      verification: 'verified',
      similarity: SIMILARITY,
      spoofScore: SPOOF,
      faceCount: 1,
      verifiedAt: t.clock.now(),
    })
    .where(eq(checkins.id, verified));
  const selfie = await store(t).files.storeGenerated(
    'selfie',
    Buffer.from('a kept selfie'),
    'selfie.jpg',
    'image/jpeg',
    student.id,
  );
  const review = await addCheckin(
    t,
    await addSession(t, course, { hoursAgo: 24, title: 'Week 2' }),
    student.id,
    'late',
  );
  await t.app.db
    .update(checkins)
    .set({
      verification: 'needs_review',
      similarity: 0.5012345,
      faceCount: 1,
      // The job's note of a face below the quality gate: named in words, never as stored.
      reason: 'face-quality:blurred',
      verifiedAt: t.clock.now(),
      selfieFileId: selfie.id,
      selfieDeleteAfter: new Date(t.clock.nowMs() + 7 * DAY),
    })
    .where(eq(checkins.id, review));
  const missed = await addSession(t, course, { hoursAgo: 12, title: 'Week 3' });
  await t.app.db.insert(excusedAbsences).values({
    sessionId: missed,
    studentId: student.id,
    category: 'medical_report',
    note: 'report from the campus clinic',
    recordedBy: course.teacher.id,
    recordedAt: t.clock.now(),
  });
  return { student, selfieId: selfie.id };
}

/** Every array of non-integer numbers anywhere in `value`. */
function floatArrays(value: unknown, found: number[][] = []): number[][] {
  if (Array.isArray(value)) {
    if (value.some((v) => typeof v === 'number' && !Number.isInteger(v))) found.push(value as number[]);
    for (const v of value) floatArrays(v, found);
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) floatArrays(v, found);
  return found;
}

function assertNoBiometrics(body: string) {
  assert.deepEqual(floatArrays(JSON.parse(body)), [], 'no array of fractional numbers');
  for (const v of [...embedding(0), ...embedding(1), ...embedding(2), SIMILARITY, SPOOF, 0.5012345])
    assert.ok(!body.includes(String(v)), `the number ${v} is not in the export`);
  assert.ok(!/"(embedding|similarity|spoof_score|liveness_score|face_size|detection_score)":/.test(body));
}

test('an admin downloads a student’s export: every section, as an attachment, audited, and no biometric number', async () => {
  const course = await t.course({ students: 2 });
  const { student } = await fullRecord(course);
  const admin = await t.user('admin');

  const res = await t.app.inject({
    url: `/api/admin/privacy/students/${student.schoolNumber}/export`,
    headers: admin.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="attn-data-[\w-]+\.json"$/);
  const data = res.json();
  assert.equal(data.format, 'attn-student-data/1');
  assert.equal(data.profile.school_number, student.schoolNumber);
  assert.equal(data.profile.account, 'local');
  assert.equal(data.profile.password_hash, undefined);
  assert.equal(data.courses.length, 1);
  assert.equal(data.courses[0].term.ends_on.length, 10);
  assert.deepEqual(
    data.attendance.checkins.map((c: { session_title: string; status: string }) => [
      c.session_title,
      c.status,
    ]),
    [
      ['Week 1', 'present'],
      ['Week 2', 'late'],
    ],
  );
  assert.equal(data.attendance.checkins[0].device_id, 'd1');
  assert.deepEqual(
    data.attendance.excused_absences.map((e: { category: string; note: string }) => [e.category, e.note]),
    [['medical_report', 'report from the campus clinic']],
  );
  assert.deepEqual(
    data.face.consents.map((c: { text_version: string; withdrawn_at: string | null }) => [
      c.text_version,
      c.withdrawn_at !== null,
    ]),
    [
      ['2020-01-v0', true],
      ['2026-11-v1', false],
    ],
  );
  assert.equal(data.face.enrolled_photos.length, 3);
  assert.equal(data.face.enrolled_photos[0].model, FACE_EMBEDDING_MODEL);
  assert.equal(data.face.kept_selfies, 1);
  assert.deepEqual(
    data.verifications.map((v: { verdict: string; reason: string }) => [v.verdict, v.reason]),
    [
      ['verified', 'similarity'],
      ['needs_review', 'photo_quality'],
    ],
  );
  assert.ok(!res.body.includes('face-quality'), 'the quality note is not given as a reason');
  assert.ok(data.verifications[0].decided_at);
  assert.ok(data.not_included.length >= 3);
  assertNoBiometrics(res.body);
  // Nobody else on the roster is in it.
  assert.ok(!res.body.includes(course.students[1]?.schoolNumber ?? '?'));

  const [entry] = (await auditOf('privacy.export')).filter((e) => e.entityId === student.id);
  assert.ok(entry, 'the export is audited');
  assert.equal(entry.actorId, admin.schoolNumber, 'by the admin (ATTN audits by school number)');
  assert.ok(!JSON.stringify(entry.changes).includes('clinic'), 'the audit holds counts, not content');
});

test('a student downloads their own export from their account, and only their own', async () => {
  const course = await t.course({ students: 2 });
  const { student } = await fullRecord(course);
  const other = course.students[1];
  assert.ok(other);

  const own = await t.app.inject({ url: '/api/student/privacy/export', headers: student.headers });
  assert.equal(own.statusCode, 200, own.body);
  assert.equal(own.json().profile.school_number, student.schoolNumber);
  assert.equal(own.json().attendance.checkins.length, 2);
  assertNoBiometrics(own.body);

  // The other student's download is theirs: nothing of the first student's.
  const theirs = await t.app.inject({ url: '/api/student/privacy/export', headers: other.headers });
  assert.equal(theirs.json().profile.school_number, other.schoolNumber);
  assert.equal(theirs.json().attendance.checkins.length, 0);
  assert.ok(!theirs.body.includes(student.schoolNumber));
  const [entry] = (await auditOf('privacy.export')).filter((e) => e.entityId === student.id);
  assert.equal(entry?.actorId, student.schoolNumber);
  assert.equal((entry?.changes as { requested_by?: string })?.requested_by, 'student');
});

test('teachers and students cannot reach the admin routes; teachers and admins have no own export', async () => {
  const course = await t.course({ students: 2 });
  const [student, other] = course.students;
  assert.ok(student && other);
  await enrolFace(other);
  const admin = await t.user('admin');
  const adminRoutes = [
    { method: 'GET' as const, url: `/api/admin/privacy/students/${other.schoolNumber}` },
    { method: 'GET' as const, url: `/api/admin/privacy/students/${other.schoolNumber}/export` },
    { method: 'DELETE' as const, url: `/api/admin/privacy/students/${other.schoolNumber}/face` },
  ];
  for (const caller of [student, course.teacher])
    for (const route of adminRoutes) {
      const res = await t.app.inject({ ...route, headers: caller.headers });
      assert.equal(res.statusCode, 403, `${caller.role} ${route.method} ${route.url}`);
      assert.equal(res.json().error.code, 'FORBIDDEN');
    }
  for (const caller of [course.teacher, admin]) {
    const res = await t.app.inject({ url: '/api/student/privacy/export', headers: caller.headers });
    assert.equal(res.statusCode, 403);
  }
  assert.equal((await t.app.inject({ url: '/api/student/privacy/export' })).statusCode, 401);
  assert.equal(await embeddingsOf(other.id), 3, 'nothing was deleted');

  // An admin's lookup is of students only: a teacher's number, or nobody's, is not found.
  for (const number of [course.teacher.schoolNumber, 'nobody-0000']) {
    const res = await t.app.inject({
      url: `/api/admin/privacy/students/${number}/export`,
      headers: admin.headers,
    });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  }
});

test('an admin sees a student’s face data and deletes it on request: consent withdrawn, embeddings and kept selfie gone, history kept, audited', async () => {
  const course = await t.course({ students: 1 });
  const { student, selfieId } = await fullRecord(course);
  const admin = await t.user('admin');
  const url = `/api/admin/privacy/students/${student.schoolNumber}`;

  const before = await t.app.inject({ url, headers: admin.headers });
  assert.equal(before.statusCode, 200, before.body);
  assert.deepEqual(before.json().face, {
    consent: { text_version: '2026-11-v1', consented_at: t.clock.now().toISOString() },
    enrolled_photos: 3,
    kept_selfies: 1,
    on_active_roster: true,
    retention_due_on: null,
  });

  const deleted = await t.app.inject({ method: 'DELETE', url: `${url}/face`, headers: admin.headers });
  assert.equal(deleted.statusCode, 200, deleted.body);
  assert.deepEqual(deleted.json(), { consent_withdrawn: true, embeddings_deleted: 3, selfies_deleted: 1 });
  assert.equal(await embeddingsOf(student.id), 0);
  assert.equal(await store(t).files.find(selfieId), null, 'the kept selfie is gone');
  const consents = await t.app.db.select().from(faceConsents).where(eq(faceConsents.userId, student.id));
  assert.equal(consents.length, 2, 'the consent history stays');
  assert.ok(consents.every((c) => c.withdrawnAt !== null));
  const [check] = await t.app.db
    .select()
    .from(checkins)
    .where(sql`${checkins.studentId} = ${student.id} and ${checkins.verification} = 'needs_review'`);
  assert.equal(check?.selfieFileId, null, 'the check-in stays, without its selfie');

  const after = await t.app.inject({ url, headers: admin.headers });
  assert.deepEqual(after.json().face, {
    consent: null,
    enrolled_photos: 0,
    kept_selfies: 0,
    on_active_roster: true,
    retention_due_on: null,
  });
  const [entry] = (await auditOf('privacy.face_data.deleted')).filter((e) => e.entityId === student.id);
  assert.equal(entry?.actorId, admin.schoolNumber);
  assert.deepEqual(entry?.changes, { consent_withdrawn: true, embeddings_deleted: 3, selfies_deleted: 1 });
  const withdrawal = (await auditOf('face.consent.withdrawn')).find(
    (e) => (e.changes as { user_id?: string })?.user_id === student.id,
  );
  assert.equal(withdrawal?.actorId, admin.schoolNumber);

  const again = await t.app.inject({ method: 'DELETE', url: `${url}/face`, headers: admin.headers });
  assert.deepEqual(again.json(), { consent_withdrawn: false, embeddings_deleted: 0, selfies_deleted: 0 });
});

/** Moves the course's term so that it ended `daysAgo` days before the clock (negative: still running). */
async function termEnded(course: TestCourse, daysAgo: number) {
  const day = (d: number) => new Date(t.clock.nowMs() - d * DAY).toISOString().slice(0, 10);
  await t.app.db
    .update(terms)
    .set({ startsOn: day(daysAgo + 120), endsOn: day(daysAgo) })
    .where(eq(terms.id, course.termId));
}

async function runRetention(): Promise<Record<string, number>> {
  const id = await t.app.jobs.send(FACE_RETENTION_QUEUE, {});
  for (let i = 0; i < 300; i++) {
    const job = await t.app.jobs.job(FACE_RETENTION_QUEUE, id);
    if (job?.state === 'completed') return job.output as Record<string, number>;
    assert.notEqual(job?.state, 'failed', JSON.stringify(job?.output));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the retention job did not finish');
}

test('the retention schedule deletes face data of students on no active roster after the period, and keeps the rest', async () => {
  const scheduled = (await t.app.db.execute(
    sql`select cron from pgboss.schedule where name = ${FACE_RETENTION_QUEUE}`,
  )) as unknown as { rows: { cron: string }[] };
  assert.deepEqual(scheduled.rows, [{ cron: '41 3 * * *' }]);
  // Every student left with face data by the tests above is on an active roster or recent.
  const admin = await t.user('admin');

  // Off every active roster: their only course's term ended 40 days ago; enrolled 200 days ago.
  const ended = await t.course({ students: 1 });
  const gone = ended.students[0];
  assert.ok(gone);
  await enrolFace(gone, { daysAgo: 200 });
  const lastCheckin = await addCheckin(t, await addSession(t, ended, { hoursAgo: 24 * 45 }), gone.id);
  await t.app.db
    .update(checkins)
    .set({ checkedInAt: new Date(t.clock.nowMs() - 45 * DAY) })
    .where(eq(checkins.id, lastCheckin));
  await termEnded(ended, 40);
  // On an active roster (this term runs on), enrolled as long ago: kept.
  const running = await t.course({ students: 1 });
  const staying = running.students[0];
  assert.ok(staying);
  await enrolFace(staying, { daysAgo: 200 });
  // Also on the ended course, but on the running one too: kept.
  await t.app.db.insert(enrollments).values({ courseId: ended.id, studentId: staying.id, source: 'csv' });
  // Off every roster, but their term ended 10 days ago: kept until the period has passed.
  const recentCourse = await t.course({ students: 1 });
  const recent = recentCourse.students[0];
  assert.ok(recent);
  await enrolFace(recent, { daysAgo: 150 });
  await termEnded(recentCourse, 10);
  // On no roster at all, enrolled 5 days ago: kept until 30 days after that.
  const newcomer = await t.user('student');
  await enrolFace(newcomer, { daysAgo: 5 });

  const status = await t.app.inject({
    url: `/api/admin/privacy/students/${recent.schoolNumber}`,
    headers: admin.headers,
  });
  assert.equal(status.json().face.on_active_roster, false);
  assert.equal(
    status.json().face.retention_due_on,
    new Date(t.clock.nowMs() + (RETENTION_DAYS - 10 + 1) * DAY).toISOString().slice(0, 10),
  );

  const first = await runRetention();
  assert.equal(first.students, 1);
  assert.equal(first.embeddings, 3);
  assert.equal(await embeddingsOf(gone.id), 0);
  assert.equal(await embeddingsOf(staying.id), 3);
  assert.equal(await embeddingsOf(recent.id), 3);
  assert.equal(await embeddingsOf(newcomer.id), 3);
  const [withdrawn] = await t.app.db
    .select()
    .from(faceConsents)
    .where(sql`${faceConsents.userId} = ${gone.id} and ${faceConsents.textVersion} = '2026-11-v1'`);
  assert.ok(withdrawn?.withdrawnAt, 'the consent ends with the data');
  const runs = await auditOf('privacy.face_retention.run');
  assert.equal(runs.length, 1);
  assert.deepEqual(runs[0]?.changes, {
    checked: first.checked,
    students: 1,
    embeddings: 3,
    selfies: 0,
    retention_days: RETENTION_DAYS,
  });
  assert.ok(!JSON.stringify(runs[0]?.changes).includes(gone.id), 'the run is audited as counts');

  // 22 days on, the recent student's period has passed; the newcomer's has not; the active stays.
  t.clock.advance(22 * DAY);
  const second = await runRetention();
  assert.equal(second.students, 1);
  assert.equal(await embeddingsOf(recent.id), 0);
  assert.equal(await embeddingsOf(staying.id), 3);
  assert.equal(await embeddingsOf(newcomer.id), 3);

  // Nothing left to do: a run deletes nothing and audits nothing.
  const third = await runRetention();
  assert.equal(third.students, 0);
  assert.equal((await auditOf('privacy.face_retention.run')).length, 2);
});
