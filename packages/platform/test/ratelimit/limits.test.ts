// Rate limiting through a real server on the real platform (memory counters on the PGlite run,
// Redis on the PostgreSQL run): the seed's headers and body, the IETF fields, the key.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestClock } from '../../src/clock/clock.ts';
import { createServer } from '../../src/http/create-server.ts';
import { captureLogger, createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { testConfig } from '../../src/testing/test-config.ts';
import { addUser, authAppSpec } from '../fixtures/auth-app/spec.ts';

let t: TestApp;
before(async () => {
  // 18 s into a minute: the minute window resets in 42 s.
  t = await createTestApp(authAppSpec, { clock: createTestClock('2026-03-02T09:15:18Z') });
});
after(() => t.close());

const hello = (headers: Record<string, string> = {}) => t.app.inject({ url: '/hello', headers });

test('the 10th request of a 10/minute route has 0 remaining; the 11th gets 429 with the seed body and Retry-After', async () => {
  const headers = { 'x-forwarded-for': '203.0.113.10' }; // ignored: no proxy is trusted
  for (let i = 1; i <= 9; i++) {
    const res = await hello(headers);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-ratelimit-remaining'], String(10 - i));
  }
  const tenth = await hello(headers);
  assert.equal(tenth.statusCode, 200);
  assert.equal(tenth.headers['x-ratelimit-limit'], '10');
  assert.equal(tenth.headers['x-ratelimit-remaining'], '0');
  assert.equal(tenth.headers['x-ratelimit-reset'], String(Date.parse('2026-03-02T09:16:00Z') / 1000));
  assert.equal(tenth.headers['ratelimit-policy'], '"hello-1m";q=10;w=60');
  assert.equal(tenth.headers.ratelimit, '"hello-1m";r=0;t=42');

  const eleventh = await hello(headers);
  assert.equal(eleventh.statusCode, 429);
  assert.deepEqual(eleventh.json(), { error: 'Rate limit exceeded', detail: '10 per 1 minute' });
  assert.equal(eleventh.headers['retry-after'], '42');
  assert.equal(eleventh.headers['x-ratelimit-remaining'], '0');
  assert.equal(eleventh.headers.ratelimit, '"hello-1m";r=0;t=42');
  assert.ok(eleventh.headers['x-request-id']);
  const line = t.logs.find((l) => l.event === 'rate_limit.exceeded');
  assert.equal(line?.policy, 'hello');
  assert.equal(line?.window, 'hello-1m');
  assert.equal(line?.level, 40);

  t.clock.advance(42_000);
  assert.equal((await hello(headers)).statusCode, 200, 'the next window starts afresh');
});

test('rotating X-Forwarded-For does not escape a per-IP limit when no proxy is configured', async () => {
  t.clock.advance(60_000);
  const statuses = [];
  for (let i = 0; i < 12; i++)
    statuses.push((await hello({ 'x-forwarded-for': `198.51.100.${i}` })).statusCode);
  assert.deepEqual(statuses, [...Array(10).fill(200), 429, 429]);
});

test('behind a trusted proxy each forwarded client is counted apart, and a signed-in user by id', async () => {
  const proxied = await createTestApp(authAppSpec, {
    env: { TRUST_PROXY: '127.0.0.1' },
    clock: createTestClock('2026-03-02T09:15:18Z'),
  });
  try {
    const as = (ip: string) => proxied.app.inject({ url: '/hello', headers: { 'x-forwarded-for': ip } });
    for (let i = 0; i < 10; i++) await as('192.0.2.1');
    assert.equal((await as('192.0.2.1')).statusCode, 429);
    assert.equal((await as('192.0.2.2')).statusCode, 200);

    await addUser(proxied.app, 'ana', 'correct horse battery', ['member']);
    await addUser(proxied.app, 'ben', 'correct horse battery', ['member']);
    const token = async (login: string) =>
      (
        await proxied.app.inject({
          method: 'POST',
          url: '/auth/login',
          payload: { login, password: 'correct horse battery' },
        })
      ).json().access_token as string;
    const anaToken = await token('ana');
    const benToken = await token('ben');
    const me = (tok: string) =>
      proxied.app.inject({
        url: '/me',
        headers: { authorization: `Bearer ${tok}`, 'x-forwarded-for': '192.0.2.9' },
      });
    const first = await me(anaToken);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['x-ratelimit-remaining'], '99');
    await me(anaToken);
    assert.equal(
      (await me(benToken)).headers['x-ratelimit-remaining'],
      '99',
      'one IP, two users: two counters',
    );
  } finally {
    await proxied.close();
  }
});

test('routes without a declared policy or access stop the server at start-up, naming them', async () => {
  const { logger } = captureLogger();
  const app = await createServer({
    config: testConfig(),
    logger,
    openapi: { title: 't', version: '1' },
    policies: { public: '10/minute' },
  });
  app.get('/forgot-policy', { config: { access: 'public' } }, async () => ({}));
  app.post('/forgot-access', { config: { rateLimit: 'public' } }, async () => ({}));
  app.get('/typo', { config: { rateLimit: 'publik', access: 'public' } }, async () => ({}));
  app.get('/fine', { config: { rateLimit: 'unlimited', access: 'public' } }, async () => ({}));
  await assert.rejects(
    async () => app.ready(),
    (err: Error) => {
      assert.match(err.message, /GET \/forgot-policy declares no rate-limit policy/);
      assert.match(err.message, /POST \/forgot-access declares no access/);
      assert.match(err.message, /GET \/typo names an unknown rate-limit policy "publik"/);
      assert.doesNotMatch(err.message, /fine/);
      return true;
    },
  );
  await app.close();
});

test('RATE_LIMIT_<POLICY> changes a policy, and one naming no policy stops start-up', async () => {
  const tuned = await createTestApp(authAppSpec, { env: { RATE_LIMIT_HELLO: '2/hour' } });
  try {
    await tuned.app.inject({ url: '/hello' });
    await tuned.app.inject({ url: '/hello' });
    const third = await tuned.app.inject({ url: '/hello' });
    assert.equal(third.statusCode, 429);
    assert.equal(third.json().detail, '2 per 1 hour');
  } finally {
    await tuned.close();
  }
  await assert.rejects(
    createTestApp(authAppSpec, { env: { RATE_LIMIT_HELO: '2/hour' } }),
    /RATE_LIMIT_HELO names no policy/,
  );
});

test('OpenAPI documents the 429 answer of limited routes', async () => {
  const doc = (await t.app.inject({ url: '/openapi.json' })).json();
  assert.ok(doc.paths['/hello'].get.responses['429']);
  assert.equal(doc.paths['/health/live'].get.responses['429'], undefined);
});
