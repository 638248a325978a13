import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextBefore } from './list-page.ts';

const NOW = Date.parse('2026-01-01T12:00:00Z');

test('a full page points to the next by its last created_at; a short page is the last', () => {
  const rows = [{ createdAt: new Date(NOW) }, { createdAt: new Date(NOW - 1000) }];
  assert.deepEqual(nextBefore(rows, 2), new Date(NOW - 1000));
  assert.equal(nextBefore(rows, 3), null);
  assert.equal(nextBefore([], 1), null);
});
