// The verification job's failures and the two schedules, on the real app and job system: a job
// that cannot read its selfie is retried with it, and once its tries are spent the check-in
// goes to the teacher with the selfie kept; check-ins stuck 'pending' are queued again, then
// timed out; selfies kept past their seven days, and files no check-in points at, are deleted.
// Failures are made without touching our code: the selfie's bytes are taken out of the store.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkins } from '../../src/db/schema/index.ts';
import {
  SELFIE_SWEEP_QUEUE,
  STUCK_SWEEP_QUEUE,
  VERIFY_QUEUE,
} from '../../src/modules/attendance/verification.jobs.ts';
import { oneFace } from '../face/sample-images.ts';
import { type AttnTest, startAttn, type TestCourse, type TestUser } from '../helpers.ts';
import { openSession } from '../sessions/session-helpers.ts';
import {
  checkinState,
  enrol,
  settled,
  store,
  waitForCheckin,
  waitForLog,
  waitForSelfies,
} from './verification-helpers.ts';

const DAY = 86_400_000;
let t: AttnTest;
let face: Buffer;
let course: TestCourse;
let sessionId: string;
before(async () => {
  t = await startAttn({ FACE_THREADS: '1' });
  face = await oneFace().jpeg().toBuffer();
  course = await t.course({ students: 8 });
  // Long enough for the clock moves below.
  sessionId = (await openSession(t, course, { selfie_required: true, duration_minutes: 180 })).id;
  for (const student of course.students) await enrol(t, student, face);
});
after(() => t.close());

let nextStudent = 0;
/** A pending check-in of a new student whose selfie is in the store, with no job queued for it. */
async function pendingCheckin(opts: { minutesAgo?: number; attempts?: number } = {}) {
  const student = course.students[nextStudent++] as TestUser;
  const stored = await store(t).files.store('selfie', face, 'selfie.jpg', student.id);
  const [row] = await t.app.db
    .insert(checkins)
    .values({
      sessionId,
      studentId: student.id,
      status: 'present',
      checkedInAt: new Date(t.clock.nowMs() - (opts.minutesAgo ?? 0) * 60_000),
      verification: 'pending',
      selfieFileId: stored.id,
      verificationAttempts: opts.attempts ?? 0,
    })
    .returning({ id: checkins.id });
  if (!row) throw new Error('no row');
  return { id: row.id, fileId: stored.id, student };
}

const failuresOf = (jobId: string) =>
  t.logs.filter((l) => l.event === 'job.failed' && l.jobId === jobId && l.queue === VERIFY_QUEUE);

test('a job that cannot read its selfie is retried with it, and verifies once the store answers', async () => {
  const checkin = await pendingCheckin();
  const bytes = await store(t).takeBytes(checkin.fileId);
  const jobId = await t.app.jobs.send(VERIFY_QUEUE, { checkin_id: checkin.id });
  await waitForLog(t, (l) => l.event === 'job.failed' && l.jobId === jobId);
  assert.equal((await checkinState(t, checkin.id)).verification, 'pending', 'a failure is not a verdict');
  await store(t).putBytes(checkin.fileId, bytes);
  const row = await waitForCheckin(t, checkin.id, settled);
  assert.equal(row.verification, 'verified');
  assert.equal(row.verification_attempts, 2);
  assert.equal(failuresOf(jobId).length, 1);
  assert.equal(row.selfie_file_id, null);
  const held = await waitForSelfies(t, (h) => !h.rows.includes(checkin.fileId));
  assert.ok(!held.rows.includes(checkin.fileId), 'deleted after the verdict');
});

test('once its tries are spent the check-in needs review with the selfie kept, gone when the teacher decides', async () => {
  const checkin = await pendingCheckin();
  const bytes = await store(t).takeBytes(checkin.fileId);
  const jobId = await t.app.jobs.send(VERIFY_QUEUE, { checkin_id: checkin.id });
  const row = await waitForCheckin(t, checkin.id, settled);
  assert.equal(row.verification, 'needs_review');
  assert.equal(row.verification_attempts, 3, 'the first try and two retries');
  assert.equal(row.selfie_file_id, checkin.fileId, 'kept for the review');
  assert.equal(row.selfie_delete_after, t.clock.nowMs() + 7 * DAY);
  await waitForLog(t, () => failuresOf(jobId).length === 3);

  // The store answers again: the teacher sees the selfie, decides, and it is gone.
  await store(t).putBytes(checkin.fileId, bytes);
  const list = await t.app.inject({
    url: `/api/teacher/sessions/${sessionId}/reviews`,
    headers: course.teacher.headers,
  });
  const item = list.json().items.find((i: { id: string }) => i.id === checkin.id);
  assert.equal(item.review_reason, 'not_checked');
  assert.equal(item.selfie_kept, true);
  const picture = await t.app.inject({ url: item.selfie_url, headers: course.teacher.headers });
  assert.equal(picture.statusCode, 200);
  const review = await t.app.inject({
    method: 'POST',
    url: `/api/teacher/checkins/${checkin.id}/review`,
    headers: course.teacher.headers,
    payload: { decision: 'reject' },
  });
  assert.equal(review.statusCode, 200, review.body);
  assert.equal((await checkinState(t, checkin.id)).verification, 'rejected');
  const selfies = await store(t).selfies();
  assert.ok(!selfies.rows.includes(checkin.fileId) && !selfies.bytes.includes(checkin.fileId));
});

test('the stuck-pending schedule queues a lost verification again and times out the ones past their bound', async () => {
  const lost = await pendingCheckin();
  const old = await pendingCheckin({ minutesAgo: 25 });
  const tried = await pendingCheckin({ attempts: 6 });
  t.clock.advance(11 * 60_000);
  const fresh = await pendingCheckin();
  await t.app.jobs.send(STUCK_SWEEP_QUEUE, {});

  const requeued = await waitForCheckin(t, lost.id, settled);
  assert.equal(requeued.verification, 'verified', 'queued again, verified by the job');
  assert.equal(requeued.verification_attempts, 1);
  for (const timedOut of [old, tried]) {
    const row = await waitForCheckin(t, timedOut.id, settled);
    assert.equal(row.verification, 'needs_review');
    assert.equal(row.selfie_file_id, timedOut.fileId, 'the selfie kept for the review');
    assert.equal(row.selfie_delete_after, t.clock.nowMs() + 7 * DAY);
  }
  await waitForLog(t, (l) => l.event === 'verification.swept' && l.requeued === 1 && l.timedOut === 2);
  const untouched = await checkinState(t, fresh.id);
  assert.equal(untouched.verification, 'pending', 'a recent check-in is left to its job');
  assert.equal(untouched.verification_attempts, 0);
});

test('selfies kept past seven days, and selfies no check-in points at, are deleted by their schedule', async () => {
  // One kept for review: the stuck sweep times out a check-in whose tries are spent.
  const kept = await pendingCheckin({ minutesAgo: 11, attempts: 6 });
  await t.app.jobs.send(STUCK_SWEEP_QUEUE, {});
  const reviewed = await waitForCheckin(t, kept.id, settled);
  assert.equal(reviewed.selfie_file_id, kept.fileId);
  const orphan = await store(t).files.store('selfie', face, 'left-behind.jpg', null);

  t.clock.advance(7 * DAY + 60_000);
  const recent = await store(t).files.store('selfie', face, 'just-stored.jpg', null);
  await t.app.jobs.send(SELFIE_SWEEP_QUEUE, {});
  const row = await waitForCheckin(t, kept.id, (r) => r.selfie_file_id === null);
  assert.equal(row.verification, 'needs_review', 'still for the teacher, without the picture');
  assert.equal(row.selfie_delete_after, null);
  await waitForLog(t, (l) => l.event === 'selfies.swept');
  const selfies = await store(t).selfies();
  for (const gone of [kept.fileId, orphan.id]) {
    assert.ok(!selfies.rows.includes(gone) && !selfies.bytes.includes(gone), `${gone} deleted`);
  }
  assert.ok(selfies.rows.includes(recent.id), 'a selfie stored a moment ago is not an orphan');
});
