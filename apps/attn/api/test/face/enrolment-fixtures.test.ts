// Face enrolment with the labelled photos beside the repo (../shared/fixtures/faces, never
// committed): enrolled embeddings of one person are close, of two people far apart, as the
// verification will need them; the fixtures' group photos are refused. One app for the file.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FACE_CONSENT_TEXT } from '../../src/modules/face/consent-text.ts';
import { compareEmbeddings, faceThresholds } from '../../src/modules/face/engine/decision.ts';
import { getEnrolledEmbeddings } from '../../src/modules/face/face.repository.ts';
import { type AttnTest, startAttn, type TestUser } from '../helpers.ts';
import { fixturesDir, fixturesMissing } from './sample-images.ts';

let t: AttnTest | undefined;
before(async () => {
  if (!fixturesMissing) t = await startAttn();
});
after(() => t?.close());

function app(): AttnTest {
  if (!t) throw new Error('no app: the fixtures are missing');
  return t;
}

async function enrol(user: TestUser, names: string[]) {
  const form = new FormData();
  for (const name of names) {
    const bytes = await readFile(join(fixturesDir, name));
    form.append('photo', new Blob([bytes], { type: 'image/jpeg' }), name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return app().app.inject({
    method: 'POST',
    url: '/api/student/face/enrolment',
    headers: { ...user.headers, 'content-type': request.headers.get('content-type') ?? '' },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

/** A student who consented and enrolled these photos. */
async function enrolled(names: string[]): Promise<number[][]> {
  const student = await app().user('student');
  const consent = await app().app.inject({
    method: 'POST',
    url: '/api/student/face/consent',
    headers: student.headers,
    payload: { text_version: FACE_CONSENT_TEXT.version },
  });
  assert.equal(consent.statusCode, 201);
  const res = await enrol(student, names);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { enrolled: names.length });
  const embeddings = await getEnrolledEmbeddings(app().app.db, student.id);
  assert.equal(embeddings.length, names.length);
  return embeddings;
}

const best = (a: number[][], b: number[][]) =>
  Math.max(...a.flatMap((x) => b.map((y) => compareEmbeddings(x, y))));

test('three photos of one person enrol; a fourth of them is close to the enrolment, another person is not', {
  skip: fixturesMissing,
}, async (ctx) => {
  const personA = await enrolled(['person-a-1.jpg', 'person-a-2.jpg', 'person-a-3.jpg']);
  // The enrolled photos of one person agree with each other.
  for (let i = 1; i < personA.length; i++) {
    assert.ok(compareEmbeddings(personA[0] as number[], personA[i] as number[]) >= faceThresholds.rejected);
  }
  const laterA = await enrolled(['person-a-4.jpg']);
  const personB = await enrolled(['person-b-1.jpg']);
  const sameness = best(personA, laterA);
  const otherness = best(personA, personB);
  ctx.diagnostic(`best similarity: same person ${sameness}, two people ${otherness}`);
  assert.ok(sameness >= faceThresholds.verified, `same person: ${sameness}`);
  assert.ok(otherness < faceThresholds.verified, `two people: ${otherness}`);
});

test('the fixtures’ group photos are refused, each named with its face count', {
  skip: fixturesMissing,
}, async () => {
  const student = await app().user('student');
  await app().app.inject({
    method: 'POST',
    url: '/api/student/face/consent',
    headers: student.headers,
    payload: { text_version: FACE_CONSENT_TEXT.version },
  });
  const res = await enrol(student, ['group-1.jpg', 'person-c-1.jpg', 'group-2.jpg']);
  assert.equal(res.statusCode, 422, res.body);
  const details = res.json().error.details as {
    index: number;
    filename: string;
    code: string;
    faces: number;
  }[];
  assert.deepEqual(
    details.map((d) => [d.index, d.filename, d.code]),
    [
      [0, 'group-1.jpg', 'MULTIPLE_FACES'],
      [2, 'group-2.jpg', 'MULTIPLE_FACES'],
    ],
  );
  assert.ok(details.every((d) => d.faces > 1));
  assert.deepEqual(await getEnrolledEmbeddings(app().app.db, student.id), []);
});
