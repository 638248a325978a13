// Selfie check-in over HTTP on the real app: recorded 'pending' at once, verified by the job in
// the face pool (one thread for the file: the models load once), the verdict and scores stored,
// no selfie left behind unless it waits for the teacher's review, who alone may see it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { LiveEvent } from '../../src/live-channel.ts';
import { createAttnLive } from '../../src/live-channel.ts';
import { fixturesDir, fixturesMissing, groupSample, oneFace } from '../face/sample-images.ts';
import { type AttnTest, startAttn, type TestUser } from '../helpers.ts';
import { checkIn, codeOf, openSession } from '../sessions/session-helpers.ts';
import {
  checkinState,
  enrol,
  selfieCheckIn,
  settled,
  store,
  waitForCheckin,
  waitForSelfies,
} from './verification-helpers.ts';

let t: AttnTest;
let face: Buffer;
before(async () => {
  t = await startAttn({ FACE_THREADS: '1' });
  face = await oneFace().jpeg().toBuffer();
});
after(() => t.close());

const fixture = (name: string) => readFile(join(fixturesDir, name));
const reasonOf = (res: { json(): { error: { details?: { reason?: string }[] } } }) =>
  res.json().error.details?.[0]?.reason;

async function selfieSession(students = 2) {
  const course = await t.course({ students });
  const session = await openSession(t, course, { selfie_required: true });
  return { course, session, code: await codeOf(t, course.teacher, session.id) };
}

test('acceptance 5 and 2: a verified and a rejected selfie check-in reach their verdicts with no manual step and leave no selfie in the store', {
  skip: fixturesMissing,
}, async () => {
  const { course, session, code } = await selfieSession(2);
  const [alice, bob] = course.students as [TestUser, TestUser];
  const enrolled = await fixture('person-a-1.jpg');
  await enrol(t, alice, enrolled);
  await enrol(t, bob, enrolled);
  const files = store(t);
  const before = await files.selfies();

  const same = await selfieCheckIn(
    t,
    alice,
    { session_id: session.id, code },
    await fixture('person-a-3.jpg'),
  );
  const other = await selfieCheckIn(
    t,
    bob,
    { session_id: session.id, code },
    await fixture('other-celeste.jpg'),
  );
  for (const res of [same, other]) {
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().verification, 'pending');
  }

  const verified = await waitForCheckin(t, same.json().id, settled);
  const rejected = await waitForCheckin(t, other.json().id, settled);
  assert.equal(verified.verification, 'verified');
  assert.ok((verified.similarity ?? 0) >= 0.464, `similarity ${verified.similarity}`);
  assert.equal(rejected.verification, 'rejected');
  assert.ok((rejected.similarity ?? 1) < 0.368, `similarity ${rejected.similarity}`);
  for (const row of [verified, rejected]) {
    assert.equal(row.face_count, 1);
    assert.equal(typeof row.spoof_score, 'number');
    assert.equal(typeof row.liveness_score, 'number');
    assert.equal(row.verification_attempts, 1);
    assert.equal(row.selfie_file_id, null);
    assert.equal(row.selfie_delete_after, null);
  }
  // Both selfies were in the store while pending, and nothing of them is left now.
  assert.deepEqual(before, { rows: [], bytes: [] });
  assert.deepEqual(await waitForSelfies(t), before);

  // The students see the outcome; the teacher sees the rejection with its scores, no picture.
  const history = await t.app.inject({
    url: '/api/student/history',
    headers: alice.headers,
  });
  assert.equal(history.json().items[0].verification, 'verified');
  const reviews = await t.app.inject({
    url: `/api/teacher/sessions/${session.id}/reviews`,
    headers: course.teacher.headers,
  });
  assert.equal(reviews.statusCode, 200, reviews.body);
  const [item] = reviews.json().items;
  assert.equal(reviews.json().items.length, 1);
  assert.equal(item.id, other.json().id);
  assert.equal(item.review_reason, 'similarity');
  assert.equal(item.selfie_kept, false);
  const picture = await t.app.inject({
    url: `/api/teacher/checkins/${item.id}/selfie`,
    headers: course.teacher.headers,
  });
  assert.equal(picture.statusCode, 404);
});

test('a selfie with several faces waits for the course’s teacher, who alone sees it; it is gone once decided', async () => {
  const { course, session, code } = await selfieSession(1);
  const student = course.students[0] as TestUser;
  await enrol(t, student, face);
  const events: LiveEvent[] = [];
  const stop = createAttnLive(t.app.live).subscribe(session.id, (event) => events.push(event));
  const group = await readFile(groupSample);
  const res = await selfieCheckIn(t, student, { session_id: session.id, code }, group);
  assert.equal(res.statusCode, 201, res.body);
  const row = await waitForCheckin(t, res.json().id, settled);
  assert.equal(row.verification, 'needs_review');
  assert.equal(row.face_count, 3);
  assert.ok(row.selfie_file_id, 'the selfie is kept for the review');
  assert.equal(row.selfie_delete_after, t.clock.nowMs() + 7 * 86_400_000);

  const other = await t.user('teacher');
  const teacherOf = course.teacher.headers;
  const list = await t.app.inject({ url: `/api/teacher/sessions/${session.id}/reviews`, headers: teacherOf });
  const [item] = list.json().items;
  assert.equal(item.review_reason, 'several_faces');
  assert.equal(item.selfie_kept, true);
  assert.equal(item.selfie_url, `/api/teacher/checkins/${row.id}/selfie`);
  for (const url of [`/api/teacher/sessions/${session.id}/reviews`, item.selfie_url]) {
    assert.equal((await t.app.inject({ url, headers: other.headers })).statusCode, 403, url);
  }
  assert.equal((await t.app.inject({ url: item.selfie_url, headers: student.headers })).statusCode, 403);
  const picture = await t.app.inject({ url: item.selfie_url, headers: teacherOf });
  assert.equal(picture.statusCode, 200);
  assert.equal(picture.headers['content-type'], 'image/jpeg');
  assert.match(String(picture.headers['cache-control']), /no-store/);
  assert.ok(picture.rawPayload.equals(group), 'the bytes the student sent');

  const review = (headers: Record<string, string>, decision: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/teacher/checkins/${row.id}/review`,
      headers,
      payload: { decision, reason: 'in the front row, with classmates' },
    });
  assert.equal((await review(other.headers, 'reject')).statusCode, 403);
  assert.equal((await checkinState(t, row.id)).verification, 'needs_review', 'nothing changed');
  const accepted = await review(teacherOf, 'accept');
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json().verification, 'verified');
  assert.equal(accepted.json().reviewed_by, course.teacher.id);
  const after = await checkinState(t, row.id);
  assert.equal(after.verification, 'verified');
  assert.equal(after.selfie_file_id, null);
  const selfies = await store(t).selfies();
  assert.ok(!selfies.rows.includes(row.selfie_file_id as string), 'metadata deleted');
  assert.ok(!selfies.bytes.includes(row.selfie_file_id as string), 'bytes deleted');
  assert.equal((await t.app.inject({ url: item.selfie_url, headers: teacherOf })).statusCode, 404);
  assert.equal((await review(teacherOf, 'reject')).statusCode, 409, 'decided already');

  const audit = (await t.app.db.execute(
    sql`select action, actor_id, changes from audit_log where entity_id = ${row.id} order by id`,
  )) as unknown as { rows: { action: string; actor_id: string; changes: Record<string, unknown> | null }[] };
  assert.deepEqual(
    audit.rows.map((r) => r.action),
    ['checkin.selfie_viewed', 'checkin.reviewed'],
  );
  const reviewed = audit.rows[1]?.changes ?? {};
  assert.equal(reviewed.decision, 'accept');
  assert.equal(reviewed.reason_chars, 'in the front row, with classmates'.length);
  assert.ok(!JSON.stringify(audit.rows).includes('front row'), 'the reason itself is not audited');
  const history = await t.app.inject({ url: '/api/student/history', headers: student.headers });
  assert.equal(history.json().items[0].verification, 'verified');

  // The teacher's live view heard each step: the check-in, the job's verdict, the decision.
  const deadline = performance.now() + 10_000;
  while (events.length < 3 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  stop();
  assert.deepEqual(
    events.map((e) => [e.type, 'verification' in e ? e.verification : null, 'id' in e ? e.id : null]),
    [
      ['checkin', 'pending', row.id],
      ['verification', 'needs_review', row.id],
      ['verification', 'verified', row.id],
    ],
  );
});

test('a selfie session refuses a JSON check-in from an enrolled student; a student without enrolment needs no selfie', async () => {
  const { course, session, code } = await selfieSession(2);
  const [enrolled, notEnrolled] = course.students as [TestUser, TestUser];
  await enrol(t, enrolled, face);
  const json = await checkIn(t, enrolled, { session_id: session.id, code });
  assert.equal(json.statusCode, 422);
  assert.equal(reasonOf(json), 'selfie_required');
  assert.match(json.json().error.message, /requires a selfie/);
  const missing = await selfieCheckIn(t, enrolled, { session_id: session.id, code }, undefined);
  assert.equal(missing.statusCode, 400);
  const notImage = await selfieCheckIn(
    t,
    enrolled,
    { session_id: session.id, code },
    Buffer.from('not a photo at all'),
  );
  assert.equal(notImage.statusCode, 415);
  const wrongCode = await selfieCheckIn(t, enrolled, { session_id: session.id, code: 'nope' }, face);
  assert.equal(wrongCode.statusCode, 422);
  assert.equal(reasonOf(wrongCode), 'code_invalid');
  const count = (await t.app.db.execute(
    sql`select count(*)::int as n from checkins where session_id = ${session.id}`,
  )) as unknown as { rows: { n: number }[] };
  assert.equal(count.rows[0]?.n, 0, 'no check-in from any refused attempt');
  assert.deepEqual((await store(t).selfies()).rows, [], 'and no selfie stored');

  // No consent: checked in for the teacher to confirm in person; a selfie sent anyway is not kept.
  const plain = await selfieCheckIn(t, notEnrolled, { session_id: session.id, code }, face);
  assert.equal(plain.statusCode, 201, plain.body);
  assert.equal(plain.json().verification, 'needs_review');
  const row = await checkinState(t, plain.json().id);
  assert.equal(row.selfie_file_id, null);
  assert.equal(row.verification_attempts, 0);
  assert.deepEqual((await store(t).selfies()).rows, []);
  const list = await t.app.inject({
    url: `/api/teacher/sessions/${session.id}/reviews`,
    headers: course.teacher.headers,
  });
  assert.equal(list.json().items[0].review_reason, 'not_enrolled');
});

test('a session without selfies takes the selfie route as a plain check-in and keeps no photo', async () => {
  const course = await t.course({ students: 1 });
  const session = await openSession(t, course);
  const student = course.students[0] as TestUser;
  await enrol(t, student, face);
  const res = await selfieCheckIn(
    t,
    student,
    { session_id: session.id, code: await codeOf(t, course.teacher, session.id) },
    face,
  );
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().verification, 'not_required');
  assert.deepEqual((await store(t).selfies()).rows, []);
});

test('the worker’s health reports the face pool’s threads', async () => {
  const res = await t.app.inject({ url: '/health/ready' });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.json().checks.faces.note, /^threads \d\/1, loaded \d, busy \d, queued \d$/);
});

test('a photo with no face is rejected and deleted at once', async () => {
  const { course, session, code } = await selfieSession(1);
  const student = course.students[0] as TestUser;
  await enrol(t, student, face);
  const blank = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7a8b9c' } })
    .jpeg()
    .toBuffer();
  const res = await selfieCheckIn(t, student, { session_id: session.id, code }, blank);
  const row = await waitForCheckin(t, res.json().id, settled);
  assert.equal(row.verification, 'rejected');
  assert.equal(row.face_count, 0);
  assert.equal(row.selfie_file_id, null);
  assert.deepEqual((await waitForSelfies(t)).rows, []);
});

test('the selfie check-in and the review routes are in a valid OpenAPI document', async () => {
  const doc = (await t.app.inject({ url: '/openapi.json' })).json();
  const selfie = doc.paths['/api/student/checkins/selfie']?.post;
  // The platform's OpenAPI has no multipart body schema: the fields are in the description.
  assert.match(selfie?.description, /session_id, code, device_id .* "selfie"/);
  for (const path of [
    '/api/teacher/sessions/{sessionId}/reviews',
    '/api/teacher/checkins/{checkinId}/selfie',
    '/api/teacher/checkins/{checkinId}/review',
  ])
    assert.ok(doc.paths[path], path);
  const result = await new Validator().validate(doc);
  assert.equal(result.valid, true, String(JSON.stringify(result.errors)).slice(0, 2000));
});
