import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { createTestClock } from '../clock/clock.ts';
import { MemoryStore } from '../ratelimit/memory-store.ts';
import { LoginThrottle } from './brute-force.ts';

const settings = {
  accountThreshold: 5,
  ipThreshold: 20,
  baseDelaySeconds: 1,
  maxDelaySeconds: 900,
  forgetAfterSeconds: 86_400,
  deviceFailures: 3,
  deviceDays: 180,
};

function throttle() {
  const clock = createTestClock();
  const store = new MemoryStore(() => clock.nowMs());
  const t = new LoginThrottle({
    store,
    settings,
    clock,
    logger: pino({ level: 'silent' }),
    appSecret: 'x'.repeat(40),
  });
  return { t, clock, store };
}

test('no delay below the threshold, then doubling from the base up to the maximum', () => {
  const { t, store } = throttle();
  assert.deepEqual(
    [4, 5, 6, 7, 10, 14, 15, 40, 1000].map((n) => t.delaySeconds(n, 5)),
    [0, 1, 2, 4, 32, 512, 900, 900, 900],
  );
  void store.close();
});

test('the account reference is keyed and case-blind, and never the name itself', () => {
  const { t, store } = throttle();
  assert.equal(t.accountRef(' Ana@Example.org '), t.accountRef('ana@example.org'));
  assert.notEqual(t.accountRef('ana@example.org'), t.accountRef('ben@example.org'));
  assert.match(t.accountRef('ana@example.org'), /^[0-9a-f]{16}$/);
  void store.close();
});

test('counts are forgotten a day after the last failure', async () => {
  const { t, clock, store } = throttle();
  for (let i = 0; i < 5; i++) {
    await assert.rejects(t.attempt({ account: 'a', ip: '1' }, async () => null));
  }
  assert.equal((await t.blocked({ account: 'a', ip: '2' }))?.scope, 'account');
  clock.advance(86_400_000 + 1);
  assert.equal(await t.blocked({ account: 'a', ip: '2' }), null);
  await store.close();
});

test("a crowd locking an account out does not hold the owner's device; its own failures soon distrust it", async () => {
  const { t, store } = throttle();
  const device = await t.deviceCookie('Ana@example.org');
  for (let i = 0; i < 50; i++) {
    await assert.rejects(t.attempt({ account: 'ana@example.org', ip: `10.0.${i}.1` }, async () => null));
  }
  const owner = { account: 'ana@example.org', ip: '192.0.2.7' };
  await assert.rejects(
    t.attempt(owner, async () => 'ana'),
    { statusCode: 429 },
    'an untrusted client waits',
  );
  const other = await t.deviceCookie('ben@example.org');
  await assert.rejects(
    t.attempt({ ...owner, device: other }, async () => 'ana'),
    { statusCode: 429 },
  );
  await assert.rejects(
    t.attempt({ ...owner, device: `${device}x` }, async () => 'ana'),
    { statusCode: 429 },
  );
  assert.equal(await t.attempt({ ...owner, device }, async () => 'ana'), 'ana', 'the device logs in at once');

  // The account's count was cleared by that success; lock it again, then spend the device's budget.
  for (let i = 0; i < 10; i++) {
    await assert.rejects(t.attempt({ account: 'ana@example.org', ip: `10.1.${i}.1` }, async () => null));
  }
  assert.equal((await t.blocked(owner))?.scope, 'account');
  for (let i = 0; i < 3; i++) {
    await assert.rejects(
      t.attempt({ ...owner, device }, async () => null),
      { statusCode: 401 },
    );
  }
  await assert.rejects(
    t.attempt({ ...owner, device }, async () => 'ana'),
    { statusCode: 429 },
    'distrusted',
  );
  await store.close();
});
