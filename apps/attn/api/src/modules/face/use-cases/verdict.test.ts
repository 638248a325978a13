import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaceError } from '../engine/face-error.ts';
import { bestSimilarity, undecided, verdictOfAnalysis, verdictOfRefusal } from './verdict.ts';

const unit = (i: number) => Array.from({ length: 4 }, (_, j) => (i === j ? 1 : 0));
const scores = { faces: 1, spoof: 0.2, liveness: 0.9 };

test('the best of the enrolled descriptors decides, by the two thresholds', () => {
  assert.equal(bestSimilarity([unit(0), unit(1)], unit(1)), 1);
  const verified = verdictOfAnalysis([unit(0), unit(1)], { ...scores, embedding: unit(1) });
  assert.deepEqual(verified, {
    verification: 'verified',
    similarity: 1,
    faceCount: 1,
    spoofScore: 0.2,
    livenessScore: 0.9,
    keepSelfie: false,
  });
  const thresholds = { verified: 0.8, rejected: 0.2 };
  const middle = [0.8, 0.6, 0, 0]; // distance 0.632 from unit(0): similarity 0.3675
  assert.equal(
    verdictOfAnalysis([unit(0)], { ...scores, embedding: middle }, thresholds).verification,
    'needs_review',
  );
  assert.equal(verdictOfAnalysis([unit(0)], { ...scores, embedding: middle }, thresholds).keepSelfie, true);
  const far = verdictOfAnalysis([unit(0)], { ...scores, embedding: unit(2) }, thresholds);
  assert.equal(far.verification, 'rejected');
  assert.equal(far.keepSelfie, false);
  assert.throws(() => bestSimilarity([], unit(0)), /No enrolled descriptor/);
});

test('a refused photo is a verdict: no face or unreadable rejected, several faces or too small kept for review', () => {
  assert.deepEqual(verdictOfRefusal(new FaceError('NO_FACE', 'none', { faces: 0 })), {
    verification: 'rejected',
    similarity: null,
    faceCount: 0,
    spoofScore: null,
    livenessScore: null,
    keepSelfie: false,
  });
  const several = verdictOfRefusal(new FaceError('MULTIPLE_FACES', 'three', { faces: 3 }));
  assert.equal(several.verification, 'needs_review');
  assert.equal(several.faceCount, 3);
  assert.equal(several.keepSelfie, true);
  assert.equal(verdictOfRefusal(new FaceError('FACE_TOO_SMALL', 'small', { faces: 1 })).keepSelfie, true);
  const unreadable = verdictOfRefusal(new FaceError('UNREADABLE_IMAGE', 'broken'));
  assert.equal(unreadable.verification, 'rejected');
  assert.equal(unreadable.faceCount, null);
  assert.deepEqual(undecided(true).verification, 'needs_review');
  assert.equal(undecided(false).keepSelfie, false);
});
