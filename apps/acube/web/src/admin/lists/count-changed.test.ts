import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '@campus/web/api/client.ts';
import { changedCount } from './count-changed.ts';

test('a 409 COUNT_CHANGED gives the number the filter matches now', () => {
  const err = new ApiError(409, 'COUNT_CHANGED', 'The filter now matches 251 records', [
    { field: 'expected_count', message: '251' },
  ]);
  assert.equal(changedCount(err), 251);
  assert.equal(
    changedCount(new ApiError(409, 'COUNT_CHANGED', 'x', [{ field: 'expected_count', message: '0' }])),
    0,
  );
});

test('any other failure, or a detail that is not a count, is not a changed count', () => {
  assert.equal(
    changedCount(new ApiError(409, 'CONFLICT', 'x', [{ field: 'expected_count', message: '3' }])),
    null,
  );
  assert.equal(changedCount(new ApiError(409, 'COUNT_CHANGED', 'x', [])), null);
  assert.equal(changedCount(new ApiError(409, 'COUNT_CHANGED', 'x', [{ message: 'many' }])), null);
  assert.equal(changedCount(new Error('boom')), null);
});
