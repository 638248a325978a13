// Face enrolment over HTTP: consent, photos in real multipart bodies analysed by the face models
// in worker threads, embeddings in the database, withdrawal. One app for the file (the models
// load once per thread); photos made from images shipped in npm packages, a few only.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { auditLog, storedFiles } from '@campus/platform/tables';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { faceConsents, faceEmbeddings } from '../../src/db/schema/index.ts';
import { FACE_CONSENT_TEXT } from '../../src/modules/face/consent-text.ts';
import {
  FACE_EMBEDDING_MODEL,
  getEnrolledEmbeddings,
  hasEnrolment,
  hasLiveConsent,
} from '../../src/modules/face/face.repository.ts';
import { type AttnTest, startAttn, type TestUser } from '../helpers.ts';
import { groupSample, oneFace } from './sample-images.ts';

interface Upload {
  name: string;
  bytes: Buffer;
  type?: string;
}

let t: AttnTest;
let face: Buffer;
let group: Buffer;
before(async () => {
  t = await startAttn();
  face = await oneFace().jpeg({ quality: 90 }).toBuffer();
  group = await readFile(groupSample);
});
after(() => t.close());

/** A multipart/form-data body as a browser's FormData encodes it. */
async function multipart(files: Upload[], field = 'photo') {
  const form = new FormData();
  for (const f of files) form.append(field, new Blob([f.bytes], { type: f.type ?? 'image/jpeg' }), f.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    'content-type': request.headers.get('content-type') ?? '',
  };
}

async function enrol(user: TestUser, files: Upload[]) {
  const { payload, ...type } = await multipart(files);
  return t.app.inject({
    method: 'POST',
    url: '/api/student/face/enrolment',
    headers: { ...user.headers, ...type },
    payload,
  });
}

const consent = (user: TestUser, version = FACE_CONSENT_TEXT.version) =>
  t.app.inject({
    method: 'POST',
    url: '/api/student/face/consent',
    headers: user.headers,
    payload: { text_version: version },
  });
const withdraw = (user: TestUser) =>
  t.app.inject({ method: 'DELETE', url: '/api/student/face/consent', headers: user.headers });
const status = async (user: TestUser) =>
  (await t.app.inject({ url: '/api/student/face', headers: user.headers })).json();
const embeddingsOf = (userId: string) =>
  t.app.db.select().from(faceEmbeddings).where(eq(faceEmbeddings.userId, userId));
const consentsOf = (userId: string) =>
  t.app.db
    .select()
    .from(faceConsents)
    .where(eq(faceConsents.userId, userId))
    .orderBy(faceConsents.consentedAt);

async function consented(): Promise<TestUser> {
  const student = await t.user('student');
  assert.equal((await consent(student)).statusCode, 201);
  return student;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => `${e.parentPath}/${e.name}`);
}

test('a student first sees no consent, no embeddings, and the consent text to agree to', async () => {
  const student = await t.user('student');
  const body = await status(student);
  assert.deepEqual(body.consent, null);
  assert.equal(body.enrolled, 0);
  assert.equal(body.consent_text.version, FACE_CONSENT_TEXT.version);
  // The text says what is stored, what for, how long and how to withdraw.
  for (const words of ['numbers', 'never saved', 'selfie', 'until you withdraw', 'How to withdraw']) {
    assert.ok(body.consent_text.text.includes(words), words);
  }
  // Who sees a selfie and for how long, and the way without a face; the same version in Turkish.
  for (const words of [
    'Who sees what',
    "course's teachers",
    'seven days',
    'confirms your attendance in person',
  ])
    assert.ok(body.consent_text.text.includes(words), words);
  assert.equal(body.consent_text.texts.en, body.consent_text.text);
  for (const words of ['Kim neyi görür', 'yedi gün', 'yüz yüze onaylar', 'Yüz onayını geri çek'])
    assert.ok(body.consent_text.texts.tr.includes(words), words);
});

test('enrolment without consent is refused before any photo is read, and nothing is stored', async () => {
  const student = await t.user('student');
  const res = await enrol(student, [{ name: 'me.jpg', bytes: face }]);
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.details[0].reason, 'consent_required');
  assert.equal((await embeddingsOf(student.id)).length, 0);
});

test('consent to an outdated text is refused with the current version; consenting twice records one consent', async () => {
  const student = await t.user('student');
  const old = await consent(student, '2020-01-v0');
  assert.equal(old.statusCode, 409);
  assert.equal(old.json().error.details[0].reason, 'consent_text_outdated');
  assert.equal(old.json().error.details[0].current_version, FACE_CONSENT_TEXT.version);
  assert.equal((await consentsOf(student.id)).length, 0);

  const first = await consent(student);
  assert.equal(first.statusCode, 201);
  assert.equal(first.json().text_version, FACE_CONSENT_TEXT.version);
  assert.equal(first.json().consented_at, t.clock.now().toISOString());
  t.clock.advance(60_000);
  const again = await consent(student);
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), first.json(), 'the first consent stands');
  assert.equal((await consentsOf(student.id)).length, 1);
  assert.deepEqual((await status(student)).consent, first.json());
  assert.equal(await hasLiveConsent(t.app.db, student.id), true);
  const audited = await t.app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'face.consent.given'), eq(auditLog.actorId, student.schoolNumber)));
  assert.equal(audited.length, 1);
  assert.equal(audited[0]?.entityId, (await consentsOf(student.id))[0]?.id);
});

test('photos are enrolled from memory: their embeddings replace the previous ones, audited without biometric data', async () => {
  const student = await consented();
  const filesBefore = await filesUnder(t.dir);

  const one = await enrol(student, [{ name: 'my-face.jpg', bytes: face }]);
  assert.equal(one.statusCode, 200, one.body);
  assert.deepEqual(one.json(), { enrolled: 1 });
  const [first] = await embeddingsOf(student.id);
  assert.equal(first?.embedding.length, 128);
  assert.equal(first?.model, FACE_EMBEDDING_MODEL);
  assert.equal(first?.consentId, (await consentsOf(student.id))[0]?.id);
  assert.ok((first?.faceSize ?? 0) >= 64 && (first?.detectionScore ?? 0) >= 0.5);

  const three = await enrol(student, [
    { name: 'a.png', bytes: await oneFace().png().toBuffer(), type: 'image/png' },
    { name: 'b.webp', bytes: await oneFace().flop().webp().toBuffer(), type: 'image/webp' },
    { name: 'c.jpg', bytes: face },
  ]);
  assert.equal(three.statusCode, 200, three.body);
  assert.deepEqual(three.json(), { enrolled: 3 });
  const rows = await embeddingsOf(student.id);
  assert.equal(rows.length, 3);
  assert.ok(!rows.some((r) => r.id === first?.id), 'the earlier embedding was replaced');
  assert.equal((await status(student)).enrolled, 3);
  const enrolled = await getEnrolledEmbeddings(t.app.db, student.id);
  assert.equal(enrolled.length, 3);
  assert.ok(enrolled.every((e) => e.length === 128 && e.every(Number.isFinite)));
  assert.equal(await hasEnrolment(t.app.db, student.id), true);

  // The photos went nowhere: no stored file, nothing new under the data dir.
  assert.equal((await t.app.db.select().from(storedFiles)).length, 0);
  assert.deepEqual(await filesUnder(t.dir), filesBefore);
  const audited = await t.app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'face.enrolled'), eq(auditLog.actorId, student.schoolNumber)))
    .orderBy(auditLog.id);
  assert.deepEqual(
    audited.map((a) => a.changes),
    [
      { user_id: student.id, photos: 1, replaced: 0, model: FACE_EMBEDDING_MODEL },
      { user_id: student.id, photos: 3, replaced: 1, model: FACE_EMBEDDING_MODEL },
    ],
  );
  // Neither the numbers nor the file names reach the logs.
  const logged = JSON.stringify(t.logs);
  assert.ok(!logged.includes('my-face.jpg'));
  assert.ok(!logged.includes(String(rows[0]?.embedding[0])));
});

test('a group photo is refused as MULTIPLE_FACES, naming the photo; nothing changes', async () => {
  const student = await consented();
  assert.equal((await enrol(student, [{ name: 'me.jpg', bytes: face }])).statusCode, 200);
  const before = await embeddingsOf(student.id);

  const res = await enrol(student, [
    { name: 'me.jpg', bytes: face },
    { name: 'party.jpg', bytes: group },
  ]);
  assert.equal(res.statusCode, 422, res.body);
  const { error } = res.json();
  assert.equal(error.code, 'UNPROCESSABLE');
  assert.equal(error.details.length, 1, 'the good photo is not named');
  assert.deepEqual(
    { ...error.details[0], message: undefined },
    {
      field: 'photos[1]',
      index: 1,
      filename: 'party.jpg',
      code: 'MULTIPLE_FACES',
      faces: 3,
      message: undefined,
    },
  );
  assert.match(error.details[0].message, /^Photo 2 \(party\.jpg\): The photo holds 3 faces/);
  assert.deepEqual(await embeddingsOf(student.id), before);
});

test('a photo with no face is refused as NO_FACE', async () => {
  const student = await consented();
  const wall = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7a9cc6' } })
    .jpeg()
    .toBuffer();
  const res = await enrol(student, [{ name: 'wall.jpg', bytes: wall }]);
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().error.details[0].code, 'NO_FACE');
  assert.equal(res.json().error.details[0].filename, 'wall.jpg');
  assert.equal((await embeddingsOf(student.id)).length, 0);
});

test('what is not a photo, too many photos, a photo too large and a JSON body are refused clearly', async () => {
  const student = await consented();
  const text = Buffer.from('these are my lecture notes, not a photo of me at all');
  const notImage = await enrol(student, [
    { name: 'me.jpg', bytes: face },
    { name: 'notes.jpg', bytes: text },
  ]);
  assert.equal(notImage.statusCode, 415, notImage.body);
  assert.deepEqual(
    notImage.json().error.details.map((d: Record<string, unknown>) => [d.index, d.filename, d.code]),
    [[1, 'notes.jpg', 'UNSUPPORTED_FORMAT']],
  );

  const four = await enrol(
    student,
    [1, 2, 3, 4].map((i) => ({ name: `${i}.jpg`, bytes: face })),
  );
  assert.equal(four.statusCode, 400, four.body);
  assert.match(four.json().error.details[0].message, /at most 3 photos/);

  const huge = Buffer.concat([face, Buffer.alloc(8 * 1024 * 1024)]);
  const large = await enrol(student, [{ name: 'huge.jpg', bytes: huge }]);
  assert.equal(large.statusCode, 413, large.body);
  assert.equal(large.json().error.details[0].filename, 'huge.jpg');

  t.clock.advance(60_000); // the 'face' policy allows 5 uploads a minute
  const json = await t.app.inject({
    method: 'POST',
    url: '/api/student/face/enrolment',
    headers: student.headers,
    payload: { photo: face.toString('base64') },
  });
  assert.equal(json.statusCode, 415);
  const { payload, ...type } = await multipart([]);
  const none = await t.app.inject({
    method: 'POST',
    url: '/api/student/face/enrolment',
    headers: { ...student.headers, ...type },
    payload,
  });
  assert.equal(none.statusCode, 400, none.body);
  assert.equal((await embeddingsOf(student.id)).length, 0);
});

test('withdrawing consent deletes the embeddings at once; enrolling again needs consent again', async () => {
  const student = await consented();
  assert.equal((await enrol(student, [{ name: 'me.jpg', bytes: face }])).statusCode, 200);
  assert.equal((await embeddingsOf(student.id)).length, 1);

  t.clock.advance(1000);
  const res = await withdraw(student);
  assert.equal(res.statusCode, 204);
  assert.equal(res.body, '');
  // Acceptance 3, read from the table itself.
  assert.equal((await embeddingsOf(student.id)).length, 0);
  const [ended] = await consentsOf(student.id);
  assert.equal(ended?.withdrawnAt?.toISOString(), t.clock.now().toISOString());
  const after = await status(student);
  assert.equal(after.consent, null);
  assert.equal(after.enrolled, 0);
  assert.equal(await hasLiveConsent(t.app.db, student.id), false);
  assert.deepEqual(await getEnrolledEmbeddings(t.app.db, student.id), []);
  const audited = await t.app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'face.consent.withdrawn'), eq(auditLog.actorId, student.schoolNumber)));
  assert.deepEqual(
    audited.map((a) => a.changes),
    [{ user_id: student.id, embeddings_deleted: 1 }],
  );

  assert.equal((await enrol(student, [{ name: 'me.jpg', bytes: face }])).statusCode, 409);
  assert.equal((await withdraw(student)).statusCode, 204, 'withdrawing twice is no error');
  assert.equal((await consent(student)).statusCode, 201);
  const history = await consentsOf(student.id);
  assert.equal(history.length, 2, 'the withdrawn consent stays in the history');
  assert.ok(history[0]?.withdrawnAt && !history[1]?.withdrawnAt);
});

test('a withdrawal during an enrolment leaves no embedding, whichever commits first', async () => {
  const student = await consented();
  const [enrolled, withdrawn] = await Promise.all([
    enrol(student, [{ name: 'me.jpg', bytes: face }]),
    // Let the enrolment pass its consent check first, then withdraw while the photo is analysed.
    new Promise((resolve) => setTimeout(resolve, 20)).then(() => withdraw(student)),
  ]);
  assert.equal(withdrawn.statusCode, 204);
  assert.ok([200, 409].includes(enrolled.statusCode), enrolled.body);
  assert.equal((await embeddingsOf(student.id)).length, 0);
});

test('a live consent to an older text is renewed before enrolling; the embeddings move under the new consent', async () => {
  const student = await t.user('student');
  const [old] = await t.app.db
    .insert(faceConsents)
    .values({ userId: student.id, textVersion: '2020-01-v0', consentedAt: t.clock.now() })
    .returning();
  if (!old) throw new Error('consent insert');
  await t.app.db.insert(faceEmbeddings).values({
    userId: student.id,
    consentId: old.id,
    embedding: Array.from({ length: 128 }, (_, i) => i / 1000),
    model: FACE_EMBEDDING_MODEL,
    createdAt: t.clock.now(),
  });
  assert.equal((await status(student)).consent.text_version, '2020-01-v0');

  const refused = await enrol(student, [{ name: 'me.jpg', bytes: face }]);
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.details[0].reason, 'consent_outdated');

  t.clock.advance(1000);
  assert.equal((await consent(student)).statusCode, 201);
  const [ended, renewed] = await consentsOf(student.id);
  assert.equal(ended?.id, old.id);
  assert.ok(ended?.withdrawnAt);
  assert.equal(renewed?.textVersion, FACE_CONSENT_TEXT.version);
  const [kept] = await embeddingsOf(student.id);
  assert.equal(kept?.consentId, renewed?.id);
  assert.equal((await status(student)).enrolled, 1);
});

test('teachers and admins cannot use the face routes; a student sees and changes only their own', async () => {
  const routes = [
    { method: 'GET' as const, url: '/api/student/face' },
    {
      method: 'POST' as const,
      url: '/api/student/face/consent',
      payload: { text_version: FACE_CONSENT_TEXT.version },
    },
    { method: 'DELETE' as const, url: '/api/student/face/consent' },
    { method: 'POST' as const, url: '/api/student/face/enrolment', payload: {} },
  ];
  for (const role of ['teacher', 'admin'] as const) {
    const user = await t.user(role);
    for (const route of routes) {
      const res = await t.app.inject({ ...route, headers: user.headers });
      assert.equal(res.statusCode, 403, `${role} ${route.method} ${route.url}`);
    }
    assert.equal((await consentsOf(user.id)).length, 0);
  }

  // No route takes an id: each acts on the caller, so another student's data cannot be named.
  const owner = await consented();
  assert.equal((await enrol(owner, [{ name: 'me.jpg', bytes: face }])).statusCode, 200);
  const other = await t.user('student');
  const seen = await status(other);
  assert.equal(seen.consent, null);
  assert.equal(seen.enrolled, 0);
  assert.equal((await withdraw(other)).statusCode, 204);
  assert.equal((await consent(other)).statusCode, 201);
  assert.equal((await embeddingsOf(owner.id)).length, 1, 'the owner’s embedding is untouched');
  assert.equal(await hasLiveConsent(t.app.db, owner.id), true);
  assert.equal((await status(owner)).enrolled, 1);
});
