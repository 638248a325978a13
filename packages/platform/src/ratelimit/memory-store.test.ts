import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStore } from './memory-store.ts';
import { parsePolicy } from './policy.ts';

test('counts per window and key, forgets a window once it has ended', async () => {
  let now = Date.parse('2026-03-01T10:00:30Z');
  const store = new MemoryStore(() => now);
  const policy = parsePolicy('p', '2/minute;5/hour');
  assert.deepEqual(
    (await store.hit(policy, 'a', now)).map((c) => c.count),
    [1, 1],
  );
  assert.deepEqual(
    (await store.hit(policy, 'a', now)).map((c) => c.count),
    [2, 2],
  );
  assert.deepEqual(
    (await store.hit(policy, 'b', now)).map((c) => c.count),
    [1, 1],
  );
  const [minute, hour] = await store.hit(policy, 'a', now);
  assert.deepEqual(minute, { count: 3, resetAt: Date.parse('2026-03-01T10:01:00Z') });
  assert.deepEqual(hour, { count: 3, resetAt: Date.parse('2026-03-01T11:00:00Z') });
  now += 30_000;
  assert.deepEqual(
    (await store.hit(policy, 'a', now)).map((c) => c.count),
    [1, 4],
  );
  now += 3600_000;
  store.sweep();
  assert.equal(store.size, 0, 'ended windows are swept');
  await store.close();
});

test('failure counts grow, expire after their time to live, and clear', async () => {
  let now = 1_000_000;
  const store = new MemoryStore(() => now);
  await store.addFailure(['acct:x', 'ip:1'], now, 60);
  now += 10_000;
  const [acct, ip] = await store.addFailure(['acct:x', 'ip:1'], now, 60);
  assert.deepEqual(acct, { count: 2, lastAt: now });
  assert.deepEqual(ip, { count: 2, lastAt: now });
  await store.clearFailures('acct:x');
  assert.deepEqual(await store.failures(['acct:x', 'ip:1']), [null, { count: 2, lastAt: now }]);
  now += 60_000;
  assert.deepEqual(await store.failures(['ip:1']), [null]);
  await store.close();
});
