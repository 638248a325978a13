import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaceError } from '../engine/face-error.ts';
import { bestSimilarity, undecided, verdictOfAnalysis, verdictOfRefusal } from './verdict.ts';

const unit = (i: number) => Array.from({ length: 4 }, (_, j) => (i === j ? 1 : 0));
const good = { size: 300, colour: 20, sharpness: 300, brightness: 140 };
const scores = { faces: 1, spoof: 0.2, liveness: 0.9, quality: good };

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
    qualityIssues: [],
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
    qualityIssues: [],
  });
  const several = verdictOfRefusal(new FaceError('MULTIPLE_FACES', 'three', { faces: 3 }));
  assert.equal(several.verification, 'needs_review');
  assert.equal(several.faceCount, 3);
  assert.equal(several.keepSelfie, true);
  const small = verdictOfRefusal(new FaceError('FACE_TOO_SMALL', 'small', { faces: 1 }));
  assert.equal(small.keepSelfie, true);
  assert.deepEqual(small.qualityIssues, ['face_too_small']);
  const unreadable = verdictOfRefusal(new FaceError('UNREADABLE_IMAGE', 'broken'));
  assert.equal(unreadable.verification, 'rejected');
  assert.equal(unreadable.faceCount, null);
  assert.deepEqual(undecided(true).verification, 'needs_review');
  assert.equal(undecided(false).keepSelfie, false);
});

test('a face below the quality gate is never verified nor rejected on its score: it waits for the teacher with the reasons', () => {
  const gate = { minSize: 64, minColour: 3, minSharpness: 20, minBrightness: 55 };
  for (const [quality, issues] of [
    [{ ...good, size: 60 }, ['face_too_small']],
    [{ ...good, colour: 0 }, ['greyscale']],
    [{ ...good, sharpness: 8 }, ['blurred']],
    [{ ...good, brightness: 30, sharpness: 10 }, ['blurred', 'dark']],
  ] as const) {
    for (const embedding of [unit(0), unit(2)]) {
      const verdict = verdictOfAnalysis([unit(0)], { ...scores, quality, embedding }, undefined, gate);
      assert.equal(verdict.verification, 'needs_review', JSON.stringify(quality));
      assert.deepEqual(verdict.qualityIssues, issues);
      assert.equal(verdict.keepSelfie, true);
      assert.equal(typeof verdict.similarity, 'number');
    }
  }
  // The same face at the gate's limits passes.
  const limits = { size: 64, colour: 3, sharpness: 20, brightness: 55 };
  assert.equal(
    verdictOfAnalysis([unit(0)], { ...scores, quality: limits, embedding: unit(0) }, undefined, gate)
      .verification,
    'verified',
  );
});
