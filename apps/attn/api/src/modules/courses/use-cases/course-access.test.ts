import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '@campus/platform/errors';
import { courseAccess } from './course-access.ts';

const course = { id: 'c1', code: 'CENG 101', title: 'Intro', termId: 't1', termArchivedAt: null };

test('no such course is a 404, whoever asks', () => {
  const result = courseAccess(undefined, true, 'not yours');
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal((result.error as AppError).statusCode, 404);
});

test('a course that is not the caller’s is a 403 with the given words; theirs is the course', () => {
  const refused = courseAccess(course, false, 'You do not teach this course');
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.equal((refused.error as AppError).statusCode, 403);
    assert.equal(refused.error.message, 'You do not teach this course');
  }
  assert.deepEqual(courseAccess(course, true, 'x'), { ok: true, course });
});
