import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAnswer, nextBefore } from './list-page.ts';

const NOW = Date.parse('2026-01-01T12:00:00Z');

test('a full page points to the next by its last created_at; a short page is the last', () => {
  const rows = [{ createdAt: new Date(NOW) }, { createdAt: new Date(NOW - 1000) }];
  assert.deepEqual(nextBefore(rows, 2), new Date(NOW - 1000));
  assert.equal(nextBefore(rows, 3), null);
  assert.equal(nextBefore([], 1), null);
});

test('a page is answered with its rows mapped, its number and size, and the next cursor as ISO text', () => {
  const page = { rows: [{ n: 1 }, { n: 2 }], total: 7, pageSize: 2, nextBefore: new Date(NOW) };
  assert.deepEqual(
    listAnswer(page, 3, (row) => row.n * 10),
    { items: [10, 20], total: 7, page: 3, page_size: 2, next_before: '2026-01-01T12:00:00.000Z' },
  );
  assert.equal(listAnswer({ ...page, nextBefore: null }, 1, (row) => row).next_before, null);
});
