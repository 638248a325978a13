// Admin login, refresh and logout through the real A-Cube server: the refresh token lives only
// in an httpOnly, Secure, SameSite=Strict cookie scoped to the auth routes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { PasswordHasher } from '@campus/platform/auth';
import { createTestApp, type TestApp } from '@campus/platform/testing';
import { eq, sql } from 'drizzle-orm';
import { admins } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';

const PASSWORD = 'a long and private passphrase';
let t: TestApp;
before(async () => {
  t = await createTestApp(acubeSpec, { env: { DEMO_DATA: 'false' } });
  const passwordHash = await new PasswordHasher().hash(PASSWORD);
  await t.app.db.insert(admins).values([
    { email: 'boss@acube.test', name: 'Boss', role: 'superadmin', passwordHash },
    { email: 'gone@acube.test', name: 'Gone', role: 'staff', passwordHash },
  ]);
});
after(() => t.close());

// Each test calls from its own address, so the auth policy (5 a minute per IP) counts apart.
let ip = '127.0.0.1';
let tests = 0;
beforeEach(() => {
  tests += 1;
  ip = `10.1.0.${tests}`;
});
const login = (email: string, password = PASSWORD, from = ip) =>
  t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/login',
    payload: { email, password },
    remoteAddress: from,
  });
const refresh = (cookie: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/refresh',
    headers: { cookie: `acube_refresh=${cookie}`, 'sec-fetch-site': 'same-origin' },
    remoteAddress: ip,
  });

test('login answers an access token and sets the refresh token as a strict, httpOnly, Secure cookie for the auth routes only', async () => {
  const res = await login('Boss@acube.test');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.token_type, 'Bearer');
  assert.equal(body.admin.role, 'superadmin');
  assert.equal(body.refresh_token, undefined, 'never in the body');
  const cookie = res.cookies.find((c) => c.name === 'acube_refresh');
  assert.ok(cookie);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.secure, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.equal(cookie.path, '/api/admin/auth');

  const rotated = await refresh(cookie.value);
  assert.equal(rotated.statusCode, 200);
  const next = rotated.cookies.find((c) => c.name === 'acube_refresh');
  assert.ok(next && next.value !== cookie.value);
  assert.equal((await refresh(cookie.value)).statusCode, 401, 'the spent cookie is refused');
  assert.equal((await refresh(next.value)).statusCode, 401, 'and its family with it');
});

test('a cross-site refresh is refused even with the cookie', async () => {
  const cookie = (await login('boss@acube.test')).cookies.find((c) => c.name === 'acube_refresh');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/refresh',
    headers: {
      cookie: `acube_refresh=${cookie?.value}`,
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    },
  });
  assert.equal(res.statusCode, 403, res.body + JSON.stringify(res.headers));
});

test('logout ends the login: the refresh cookie stops working', async () => {
  const res = await login('boss@acube.test');
  const cookie = res.cookies.find((c) => c.name === 'acube_refresh');
  const out = await t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/logout',
    headers: { authorization: `Bearer ${res.json().access_token}` },
  });
  assert.equal(out.statusCode, 204);
  assert.equal((await refresh(cookie?.value ?? '')).statusCode, 401);
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/auth/logout' })).statusCode, 401);
});

test('a disabled admin is refused at once, even with an unexpired access token', async () => {
  const res = await login('gone@acube.test');
  const token = res.json().access_token;
  const logout = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
  await t.app.db.update(admins).set({ disabledAt: new Date() }).where(eq(admins.email, 'gone@acube.test'));
  assert.equal((await logout()).statusCode, 401);
  assert.equal((await login('gone@acube.test', PASSWORD, '10.0.0.9')).statusCode, 401);
});

test('wrong passwords: 401 without telling unknown accounts apart; the auth policy limits to 5 a minute per IP', async () => {
  const wrong = await login('boss@acube.test', 'not it', '10.0.0.1');
  const unknown = await login('nobody@acube.test', 'not it', '10.0.0.1');
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.json().error.message, wrong.json().error.message);
  for (let i = 0; i < 3; i++) await login('nobody@acube.test', 'x', '10.0.0.1');
  const sixth = await login('boss@acube.test', PASSWORD, '10.0.0.1');
  assert.equal(sixth.statusCode, 429);
  assert.deepEqual(sixth.json(), { error: 'Rate limit exceeded', detail: '5 per 1 minute' });
  const text = JSON.stringify(t.logs);
  assert.ok(!text.includes(PASSWORD) && !text.includes('not it'));
});

test('expired refresh tokens are swept by an hourly schedule', async () => {
  const result = (await t.app.db.execute(
    sql`select cron from pgboss.schedule where name = 'auth-sweep'`,
  )) as unknown as { rows: { cron: string }[] };
  assert.deepEqual(result.rows, [{ cron: '17 * * * *' }]);
});

test('the panel refreshes on every load: refresh has its own policy, so ten reloads in a minute are not locked out', async () => {
  const res = await login('boss@acube.test');
  let cookie = res.cookies.find((c) => c.name === 'acube_refresh')?.value ?? '';
  for (let i = 0; i < 10; i++) {
    const rotated = await refresh(cookie);
    assert.equal(rotated.statusCode, 200, `reload ${i + 1}`);
    assert.equal(rotated.headers['x-ratelimit-limit'], '60');
    cookie = rotated.cookies.find((c) => c.name === 'acube_refresh')?.value ?? '';
  }
});
