import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GroupCommit } from './group-commit.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

test('requests that arrive together are written in one batch, each answered after the write', async () => {
  const written: number[][] = [];
  let done = false;
  const gc = new GroupCommit<number, number>({
    write: async (items) => {
      written.push(items);
      await tick();
      done = true;
      return items.map((n) => n * 2);
    },
  });
  const results = await Promise.all(
    [1, 2, 3, 4].map((n) =>
      gc.submit(n).then((r) => {
        assert.ok(done, 'answered only after the write returned');
        return r;
      }),
    ),
  );
  assert.deepEqual(results, [2, 4, 6, 8]);
  assert.deepEqual(written, [[1, 2, 3, 4]]);
});

test('items arriving during a write wait for the next batch; batches never exceed maxBatch', async () => {
  const written: number[][] = [];
  const gc = new GroupCommit<number, number>({
    maxBatch: 3,
    write: async (items) => {
      written.push(items);
      await tick();
      return items;
    },
  });
  const first = gc.submit(0);
  await new Promise((r) => setImmediate(r));
  const rest = Array.from({ length: 7 }, (_, i) => gc.submit(i + 1));
  await Promise.all([first, ...rest]);
  assert.deepEqual(written, [[0], [1, 2, 3], [4, 5, 6], [7]]);
});

test('a failed write rejects every item of its batch and the next batch still runs', async () => {
  let calls = 0;
  const gc = new GroupCommit<number, number>({
    write: async (items) => {
      calls++;
      if (calls === 1) throw new Error('database down');
      return items;
    },
  });
  const failed = await Promise.allSettled([gc.submit(1), gc.submit(2)]);
  assert.deepEqual(
    failed.map((f) => f.status),
    ['rejected', 'rejected'],
  );
  assert.equal(await gc.submit(3), 3);
});
