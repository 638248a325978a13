import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qualityIssuesOf, qualityNote, reviewReason } from './review-reason.ts';

const at = new Date('2026-03-02T09:00:00.000Z');
const base = {
  similarity: null,
  faceCount: null,
  verification: 'needs_review',
  attempts: 1,
  verifiedAt: at,
  reviewedAt: null,
  reason: null,
};

test('a score decides first, then what the photo showed', () => {
  assert.equal(reviewReason({ ...base, similarity: 0.41, faceCount: 1 }), 'similarity');
  assert.equal(reviewReason({ ...base, faceCount: 0, verification: 'rejected' }), 'no_face');
  assert.equal(reviewReason({ ...base, faceCount: 3 }), 'several_faces');
  assert.equal(reviewReason({ ...base, faceCount: 1 }), 'face_too_small');
  assert.equal(reviewReason({ ...base, verification: 'rejected' }), 'unreadable_photo');
});

test('never looked at by the job is a student without enrolment; a failed check is not checked', () => {
  assert.equal(reviewReason({ ...base, attempts: 0, verifiedAt: null }), 'not_enrolled');
  assert.equal(reviewReason({ ...base, attempts: 3 }), 'not_checked');
  assert.equal(reviewReason({ ...base, attempts: 0, verifiedAt: null, reviewedAt: at }), 'not_checked');
});

test('the quality gate’s reasons travel in the check-in’s reason column and make the review reason', () => {
  const note = qualityNote(['blurred', 'dark']);
  assert.equal(note, 'face-quality:blurred,dark');
  assert.equal(qualityNote([]), undefined);
  assert.deepEqual(qualityIssuesOf(note ?? null), ['blurred', 'dark']);
  assert.deepEqual(qualityIssuesOf('face-quality:dark,greyscale,unknown'), ['greyscale', 'dark']);
  assert.deepEqual(qualityIssuesOf('Came late, phone broken'), []);
  assert.deepEqual(qualityIssuesOf(null), []);
  assert.equal(
    reviewReason({ ...base, similarity: 0.6, faceCount: 1, reason: note ?? null }),
    'photo_quality',
  );
  // A teacher's own words are no quality note.
  assert.equal(
    reviewReason({ ...base, similarity: 0.41, faceCount: 1, reason: 'seen in class' }),
    'similarity',
  );
});
