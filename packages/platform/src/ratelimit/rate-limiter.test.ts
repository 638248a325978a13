import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestClock } from '../clock/clock.ts';
import { MemoryStore } from './memory-store.ts';
import { RateLimiter, UnknownPolicyError } from './rate-limiter.ts';

function limiter(defaults: Record<string, string>, overrides: Record<string, string> = {}) {
  // 12:00:18 UTC: 42 s left in the minute, 2382 s in the hour.
  const clock = createTestClock('2026-03-01T12:20:18Z');
  const store = new MemoryStore(() => clock.nowMs());
  return { clock, store, limiter: new RateLimiter({ defaults, overrides, store, clock }) };
}

test('headers name the window closest to its limit, and every window in the IETF fields', async () => {
  const { limiter: rl, store } = limiter({ public: '10/minute;30/hour' });
  let last = await rl.check('public', 'ip:1');
  for (let i = 0; i < 6; i++) last = await rl.check('public', 'ip:1');
  assert.equal(last.allowed, true);
  assert.deepEqual(last.headers, {
    'x-ratelimit-limit': '10',
    'x-ratelimit-remaining': '3',
    'x-ratelimit-reset': String(Date.parse('2026-03-01T12:21:00Z') / 1000),
    'ratelimit-policy': '"public-1m";q=10;w=60, "public-1h";q=30;w=3600',
    ratelimit: '"public-1m";r=3;t=42, "public-1h";r=23;t=2382',
  });
  await store.close();
});

test('the request over the limit is refused with the exceeded window and Retry-After', async () => {
  const { limiter: rl, store, clock } = limiter({ public: '10/minute;30/hour' });
  for (let i = 0; i < 10; i++) assert.equal((await rl.check('public', 'ip:1')).allowed, true);
  const refused = await rl.check('public', 'ip:1');
  assert.equal(refused.allowed, false);
  assert.equal(refused.exceeded?.text, '10 per 1 minute');
  assert.equal(refused.headers['retry-after'], '42');
  assert.equal(refused.headers['x-ratelimit-remaining'], '0');
  // Another key is counted apart; the next minute starts again.
  assert.equal((await rl.check('public', 'ip:2')).allowed, true);
  clock.advance(42_000);
  assert.equal((await rl.check('public', 'ip:1')).allowed, true);
  await store.close();
});

test('when the long window is spent, Retry-After waits for it, not for the short one', async () => {
  const { limiter: rl, store, clock } = limiter({ auth: '5/minute;6/hour' });
  for (let i = 0; i < 5; i++) await rl.check('auth', 'k');
  clock.advance(60_000);
  await rl.check('auth', 'k');
  const refused = await rl.check('auth', 'k');
  assert.equal(refused.allowed, false);
  assert.equal(refused.exceeded?.name, 'auth-1h');
  assert.equal(refused.headers['retry-after'], String(2382 - 60));
  assert.equal(refused.headers['x-ratelimit-limit'], '6');
  await store.close();
});

test('RATE_LIMIT_<POLICY> overrides a policy; one naming no policy is an error', async () => {
  const { store } = limiter({});
  const clock = createTestClock();
  const rl = new RateLimiter({
    defaults: { public: '10/minute' },
    overrides: { public: '2/hour' },
    store,
    clock,
  });
  assert.deepEqual(
    rl.policies.get('public')?.windows.map((w) => w.text),
    ['2 per 1 hour'],
  );
  assert.throws(
    () =>
      new RateLimiter({ defaults: { public: '10/minute' }, overrides: { publik: '1/minute' }, store, clock }),
    (err: Error) => err instanceof UnknownPolicyError && err.message.includes('RATE_LIMIT_PUBLIK'),
  );
  await assert.rejects(rl.check('nope', 'k'), UnknownPolicyError);
  await store.close();
});
