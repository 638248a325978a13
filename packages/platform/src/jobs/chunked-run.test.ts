import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkFailedError, chunksFrom } from './chunked-run.ts';

test('a first run has every chunk, the last one short', () => {
  assert.deepEqual(chunksFrom({ total: 250, size: 100 }, 0), [
    { index: 0, start: 0, end: 100 },
    { index: 1, start: 100, end: 200 },
    { index: 2, start: 200, end: 250 },
  ]);
});

test('a resumed run starts after the last chunk committed and never repeats one', () => {
  assert.deepEqual(chunksFrom({ total: 250, size: 100 }, 200), [{ index: 2, start: 200, end: 250 }]);
  assert.deepEqual(chunksFrom({ total: 250, size: 100 }, 250), []);
  assert.deepEqual(chunksFrom({ total: 250, size: 100 }, 999), []);
});

test('progress between chunk boundaries (never written by a chunk) starts at the next boundary', () => {
  // The chunk transaction then finds the stored progress is not its start and stops the run.
  assert.deepEqual(
    chunksFrom({ total: 300, size: 100 }, 150).map((r) => r.start),
    [200],
  );
});

test('1,000 items in chunks of 50 cover each item exactly once', () => {
  const seen = new Map<number, number>();
  for (const r of chunksFrom({ total: 1000, size: 50 }, 0)) {
    for (let i = r.start; i < r.end; i++) seen.set(i, (seen.get(i) ?? 0) + 1);
  }
  assert.equal(seen.size, 1000);
  assert.ok([...seen.values()].every((n) => n === 1));
});

test('an empty plan has no chunks; a chunk size under 1 is refused', () => {
  assert.deepEqual(chunksFrom({ total: 0, size: 10 }, 0), []);
  assert.throws(() => chunksFrom({ total: 10, size: 0 }, 0), /at least one item/);
});

test('a failed chunk names its items and keeps what it threw', () => {
  const cause = new Error('boom');
  const err = new ChunkFailedError({ index: 2, start: 100, end: 150 }, cause);
  assert.equal(err.message, 'chunk 3 (items 100-149) failed and changed nothing');
  assert.equal(err.cause, cause);
  assert.equal(err.range.start, 100);
});
