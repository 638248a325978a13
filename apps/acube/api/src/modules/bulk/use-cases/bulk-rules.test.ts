// The bulk rules without a database: where the request stops and the job begins, the status
// check, chunking, how chunks and a failed chunk count, the report's lines, and who may look.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '@campus/platform/errors';
import {
  auditableFilter,
  CHUNK,
  checkBulkStatus,
  checkCount,
  chunksOf,
  countChunk,
  countFailedChunk,
  emptyOutcome,
  maySee,
  notFoundOf,
  reportLines,
  runsInRequest,
  selectionOf,
} from './bulk-rules.ts';

const ids = (n: number, tag = 'id') => Array.from({ length: n }, (_, i) => `${tag}${i}`);

test('up to 100 ids run in the request; 101 become a job', () => {
  assert.equal(CHUNK, 100);
  assert.equal(runsInRequest(ids(1)), true);
  assert.equal(runsInRequest(ids(100)), true);
  assert.equal(runsInRequest(ids(101)), false);
});

test('a status the kind does not take is a 400 naming the ones it does', () => {
  assert.doesNotThrow(() => checkBulkStatus(['new', 'read'], 'read'));
  assert.throws(
    () => checkBulkStatus(['new', 'read'], 'archived'),
    (err: unknown) =>
      err instanceof AppError &&
      err.code === 'VALIDATION_FAILED' &&
      JSON.stringify(err.details) ===
        JSON.stringify([{ field: 'body.status', message: 'must be one of: new, read' }]),
  );
});

test('ids go in chunks of 100, in order, the last one shorter', () => {
  const chunks = chunksOf(ids(250));
  assert.deepEqual(
    chunks.map((c) => c.length),
    [100, 100, 50],
  );
  assert.deepEqual(chunks.flat(), ids(250));
  assert.deepEqual(chunksOf([]), []);
});

test('a committed chunk counts what it changed as done and the rest of it as not found', () => {
  const outcome = emptyOutcome();
  countChunk(outcome, ['a', 'b', 'c'], ['c', 'a']);
  countChunk(outcome, ['d'], ['d']);
  assert.deepEqual(outcome, { done: ['c', 'a', 'd'], missing: ['b'], failed: [], not_attempted: [] });
  assert.deepEqual(notFoundOf(['a', 'b'], []), ['a', 'b']);
});

test('the failed second chunk of 250 makes 100 failed and 50 not attempted, and says which chunk', () => {
  const all = ids(250);
  const outcome = emptyOutcome();
  countChunk(outcome, all.slice(0, 100), all.slice(0, 100));
  countFailedChunk(outcome, all, 1);
  assert.equal(outcome.done.length, 100);
  assert.deepEqual(outcome.failed, all.slice(100, 200));
  assert.deepEqual(outcome.not_attempted, all.slice(200));
  assert.equal(outcome.error, 'chunk 2 of 3 failed and changed nothing');
});

test('the report lists every id with its outcome, outcome by outcome, after a header', () => {
  const lines = [
    ...reportLines({ done: ['a'], missing: ['b'], failed: ['c'], not_attempted: ['d', 'e'], error: 'x' }),
  ];
  assert.deepEqual(lines, [
    'id,outcome\r\n',
    'a,done\r\n',
    'b,not found\r\n',
    'c,failed\r\n',
    'd,not attempted\r\n',
    'e,not attempted\r\n',
  ]);
});

test('an operation is for its author and superadmins only', () => {
  const op = { adminId: 'a1' };
  assert.equal(maySee(op, { id: 'a1', roles: ['staff'] }), true);
  assert.equal(maySee(op, { id: 'a2', roles: ['superadmin'] }), true);
  assert.equal(maySee(op, { id: 'a2', roles: ['staff'] }), false);
  assert.equal(maySee(op, null), false);
});

test('an operation names its records by ids, or by a filter with the confirmed count; anything else is a 400', () => {
  assert.equal(selectionOf({ ids: ['a'] }), 'ids');
  assert.equal(selectionOf({ filter: {}, expected_count: 3 }), 'filter');
  for (const bad of [{}, { ids: ['a'], filter: {} }, { filter: {} }, { ids: ['a'], expected_count: 1 }]) {
    assert.throws(
      () => selectionOf(bad),
      (e: unknown) => e instanceof AppError && e.statusCode === 400,
      JSON.stringify(bad),
    );
  }
});

test('a count other than the confirmed one is a 409 COUNT_CHANGED that says the new count', () => {
  assert.doesNotThrow(() => checkCount(250, 250));
  assert.throws(
    () => checkCount(250, 251),
    (e: unknown) =>
      e instanceof AppError &&
      e.code === 'COUNT_CHANGED' &&
      e.statusCode === 409 &&
      e.details?.[0]?.field === 'expected_count' &&
      e.details?.[0]?.message === '251',
  );
});

test('the audit log keeps a filter without the text typed in it', () => {
  assert.deepEqual(auditableFilter({ q: 'Ayşe Yılmaz', status: 'new' }), {
    status: 'new',
    text_search: true,
  });
  assert.deepEqual(auditableFilter({ status: 'new' }), { status: 'new' });
});
