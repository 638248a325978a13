// The engine's cheap parts: the model-file check, the similarity, the decision and the
// threshold suggestion. No model is loaded here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decisionCounts,
  identityOf,
  type ScoredPair,
  suggestThresholds,
} from '../../src/modules/face/engine/calibration.ts';
import { compareEmbeddings, decide, faceThresholds } from '../../src/modules/face/engine/decision.ts';
import {
  checkFaceModelFiles,
  ModelFilesError,
  modelFiles,
} from '../../src/modules/face/engine/model-files.ts';

test('the installed model files match their recorded sizes and hashes', async () => {
  await checkFaceModelFiles();
});

test('a missing or altered model file fails the check, naming the file', async () => {
  const [first, second] = modelFiles;
  assert.ok(first && second);
  const err = await checkFaceModelFiles([
    { ...first, name: 'no-such-model.bin' },
    { ...second, sha256: '0'.repeat(64) },
    { ...first, size: first.size + 1 },
  ]).then(
    () => assert.fail('the check passed'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ModelFilesError);
  assert.equal(err.problems.length, 3);
  assert.match(err.problems[0] ?? '', /no-such-model\.bin is missing/);
  assert.match(err.problems[1] ?? '', /SHA-256/);
  assert.match(err.problems[2] ?? '', /bytes, expected/);
});

test('similarity is 1 minus the Euclidean distance, clamped to [0, 1]', () => {
  assert.equal(compareEmbeddings([0, 0], [0, 0]), 1);
  assert.equal(compareEmbeddings([0, 0], [0.3, 0.4]), 0.5);
  assert.equal(compareEmbeddings([0, 0], [3, 4]), 0);
  assert.throws(() => compareEmbeddings([0], [0, 1]), /1 and 2 numbers/);
});

test('two thresholds split verified, needs review and rejected', () => {
  assert.ok(faceThresholds.rejected < faceThresholds.verified);
  assert.equal(decide(faceThresholds.verified), 'verified');
  assert.equal(decide(faceThresholds.verified - 0.001), 'needs_review');
  assert.equal(decide(faceThresholds.rejected), 'needs_review');
  assert.equal(decide(faceThresholds.rejected - 0.001), 'rejected');
});

test('identity is the file name without a trailing number', () => {
  assert.equal(identityOf('person-a-3.jpg'), 'person-a');
  assert.equal(identityOf('other-lexi.jpg'), 'other-lexi');
  assert.equal(identityOf('synthetic-face.png'), 'synthetic-face');
});

test('suggested thresholds verify at least half the genuine pairs and no impostor, reject no genuine pair', () => {
  const pair = (similarity: number, genuine: boolean): ScoredPair => ({
    a: 'x',
    b: 'y',
    genuine,
    similarity,
  });
  const pairs = [0.4, 0.45, 0.5, 0.6, 0.7]
    .map((s) => pair(s, true))
    .concat([0.1, 0.2, 0.42].map((s) => pair(s, false)));
  const { thresholds } = suggestThresholds(pairs);
  assert.ok(thresholds);
  assert.equal(thresholds.verified, 0.46);
  const counts = decisionCounts(pairs, thresholds);
  assert.deepEqual(counts.genuine, { verified: 3, needs_review: 2, rejected: 0 });
  assert.deepEqual(counts.impostor, { verified: 0, needs_review: 1, rejected: 2 });
  // No threshold can verify half the genuine pairs without an impostor: none is suggested.
  const overlapping = [0.4, 0.5, 0.6].map((s) => pair(s, true)).concat([pair(0.55, false)]);
  assert.equal(suggestThresholds(overlapping).thresholds, undefined);
});
