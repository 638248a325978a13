// Access tokens, rotating refresh tokens and session cookies through the real routes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { SignJWT, UnsecuredJWT } from 'jose';
import { AccessTokens } from '../../src/auth/access-tokens.ts';
import { deriveKey } from '../../src/config/derive-key.ts';
import { DEVELOPMENT_APP_SECRET } from '../../src/config/load-config.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { addUser, authAppSpec } from '../fixtures/auth-app/spec.ts';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;
let memberId = '';
before(async () => {
  t = await createTestApp(authAppSpec);
  memberId = await addUser(t.app, 'member@example.org', PASSWORD, ['member']);
  await addUser(t.app, 'admin@example.org', PASSWORD, ['admin']);
});
after(() => t.close());

async function login(who: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { login: who, password: PASSWORD },
  });
  assert.equal(res.statusCode, 200);
  return res.json() as { access_token: string; refresh_token: string; expires_in: number };
}
const refresh = (token: string) =>
  t.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refresh_token: token } });
const me = (token: string) => t.app.inject({ url: '/me', headers: { authorization: `Bearer ${token}` } });

test('refresh rotates; a spent refresh token used again revokes the family, newest token included', async () => {
  const first = await login('member@example.org');
  const second = (await refresh(first.refresh_token)).json();
  assert.ok(second.refresh_token && second.refresh_token !== first.refresh_token);
  const third = (await refresh(second.refresh_token)).json();
  assert.equal((await me(third.access_token)).statusCode, 200);

  const replay = await refresh(first.refresh_token);
  assert.equal(replay.statusCode, 401);
  assert.equal(replay.json().error.code, 'UNAUTHENTICATED');
  assert.equal((await refresh(third.refresh_token)).statusCode, 401, 'the newest token died with its family');
  const warn = t.logs.find((l) => l.event === 'refresh_token.reuse');
  assert.equal(warn?.level, 40);
  assert.equal(warn?.userId, memberId);
  assert.ok(!JSON.stringify(t.logs).includes(first.refresh_token), 'tokens never reach the log');

  // Another login's family is untouched.
  const other = await login('member@example.org');
  assert.equal((await refresh(other.refresh_token)).statusCode, 200);
});

test('a refresh token stops working when its login is logged out, and after its lifetime', async () => {
  const session = await login('member@example.org');
  const out = await t.app.inject({
    method: 'POST',
    url: '/auth/logout',
    headers: { authorization: `Bearer ${session.access_token}` },
  });
  assert.equal(out.statusCode, 204);
  assert.equal((await refresh(session.refresh_token)).statusCode, 401);

  const later = await login('member@example.org');
  t.clock.advance(7 * 86_400_000 + 1000);
  assert.equal((await refresh(later.refresh_token)).statusCode, 401);
});

test('JWTs with alg none, another key, another audience or issuer, or past expiry are refused with 401', async () => {
  const good = await login('member@example.org');
  assert.equal((await me(good.access_token)).statusCode, 200);
  const now = Math.floor(t.clock.nowMs() / 1000);
  const claims = { roles: ['admin'], sid: crypto.randomUUID() };
  const key = deriveKey('a-different-secret-that-is-long-enough-0000', 'authfix:access-token');
  const rightKey = deriveKey(
    (authAppSpec.loadConfig({ NODE_ENV: 'test' }) as { appSecret: string }).appSecret,
    'authfix:access-token',
  );
  const sign = (opts: { key: Uint8Array; alg?: string; iss?: string; aud?: string }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: opts.alg ?? 'HS256' })
      .setSubject(memberId)
      .setIssuer(opts.iss ?? 'authfix')
      .setAudience(opts.aud ?? 'authfix:api')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(opts.key);
  const forged = {
    none: new UnsecuredJWT(claims)
      .setSubject(memberId)
      .setIssuer('authfix')
      .setAudience('authfix:api')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .encode(),
    otherKey: await sign({ key }),
    otherAudience: await sign({ key: rightKey, aud: 'acube:api' }),
    otherIssuer: await sign({ key: rightKey, iss: 'someone-else' }),
    otherAlgorithm: await sign({
      key: deriveKey(DEVELOPMENT_APP_SECRET, 'authfix:access-token', 64),
      alg: 'HS512',
    }),
  };
  for (const [name, token] of Object.entries(forged)) {
    const res = await me(token);
    assert.equal(res.statusCode, 401, name);
    assert.equal(res.json().error.code, 'UNAUTHENTICATED', name);
  }
  // The right key and claims work (the forgeries differ only where they say).
  const genuine = await new AccessTokens({
    appSecret: (authAppSpec.loadConfig({ NODE_ENV: 'test' }) as { appSecret: string }).appSecret,
    app: 'authfix',
    clock: t.clock,
  }).sign({ sub: memberId, roles: ['member'], sid: crypto.randomUUID() });
  assert.equal((await me(genuine)).statusCode, 200);

  t.clock.advance((good.expires_in + 1) * 1000);
  const expired = await me(good.access_token);
  assert.equal(expired.statusCode, 401);
  assert.equal(expired.json().error.message, 'Access token expired');
  const garbage = await t.app.inject({ url: '/me', headers: { authorization: 'Basic abc' } });
  assert.equal(garbage.statusCode, 401);
});

test('roles are checked on the route: none is 401, the wrong role 403, the right one 200', async () => {
  const member = await login('member@example.org');
  const admin = await login('admin@example.org');
  assert.equal((await t.app.inject({ url: '/admin/stats' })).statusCode, 401);
  const wrong = await t.app.inject({
    url: '/admin/stats',
    headers: { authorization: `Bearer ${member.access_token}` },
  });
  assert.equal(wrong.statusCode, 403);
  assert.equal(wrong.json().error.code, 'FORBIDDEN');
  const right = await t.app.inject({
    url: '/admin/stats',
    headers: { authorization: `Bearer ${admin.access_token}` },
  });
  assert.equal(right.statusCode, 200);
});

test('a session cookie authenticates, refuses cross-site writes, and ends with logout or expiry', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/session/login',
    payload: { login: 'member@example.org', password: PASSWORD },
  });
  assert.equal(res.statusCode, 204);
  const cookie = res.cookies.find((c) => c.name === 'sid');
  assert.ok(cookie?.httpOnly);
  assert.equal(cookie?.sameSite, 'Lax');
  const sid = `sid=${cookie?.value}`;

  const who = await t.app.inject({ url: '/me', headers: { cookie: sid } });
  assert.equal(who.statusCode, 200);
  assert.deepEqual(who.json(), { id: memberId, roles: ['member'], via: 'cookie' });

  const write = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/notes',
      payload: { text: 'hi' },
      headers: { cookie: sid, ...headers },
    });
  assert.equal((await write({ origin: 'https://evil.example' })).statusCode, 403);
  assert.equal(
    (await write({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).statusCode,
    403,
  );
  assert.equal((await write({ origin: 'http://localhost:80' })).statusCode, 201, 'same origin as Host');
  assert.equal((await write({ 'sec-fetch-site': 'same-origin' })).statusCode, 201);

  const out = await t.app.inject({
    method: 'POST',
    url: '/auth/logout',
    headers: { cookie: sid, 'sec-fetch-site': 'same-origin' },
  });
  assert.equal(out.statusCode, 204);
  assert.equal((await t.app.inject({ url: '/me', headers: { cookie: sid } })).statusCode, 401);

  const again = await t.app.inject({
    method: 'POST',
    url: '/session/login',
    payload: { login: 'member@example.org', password: PASSWORD },
  });
  const sid2 = `sid=${again.cookies.find((c) => c.name === 'sid')?.value}`;
  t.clock.advance(12 * 3600_000 + 1000);
  const stale = await t.app.inject({ url: '/me', headers: { cookie: sid2 } });
  assert.equal(stale.statusCode, 401);
  assert.match(stale.json().error.message, /log in again/);
});

test('a session in use slides its idle expiry, written once within a second for all sessions touched', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/session/login',
    payload: { login: 'member@example.org', password: PASSWORD },
  });
  const sid = `sid=${res.cookies.find((c) => c.name === 'sid')?.value}`;
  const expiry = async () => {
    const rows = (await t.app.db.execute(
      sql`select expires_at from auth_sessions where subject = ${memberId} and revoked_at is null order by created_at desc limit 1`,
    )) as unknown as { rows: { expires_at: string | Date }[] };
    return new Date(rows.rows[0]?.expires_at ?? 0).getTime();
  };
  const before = await expiry();
  t.clock.advance(2 * 3600_000);
  assert.equal((await t.app.inject({ url: '/me', headers: { cookie: sid } })).statusCode, 200);
  for (let i = 0; i < 50 && (await expiry()) === before; i++) await sleep(100);
  assert.equal((await expiry()) - before, 2 * 3600_000, 'slid by the two hours that passed');
  t.clock.advance(11 * 3600_000);
  assert.equal(
    (await t.app.inject({ url: '/me', headers: { cookie: sid } })).statusCode,
    200,
    'alive 13 h after login',
  );
  t.clock.advance(-13 * 3600_000);
});

test('sweeps delete refresh tokens and sessions that can no longer be used, and keep live ones', async () => {
  const { RefreshTokens } = await import('../../src/auth/refresh-tokens.ts');
  const { Sessions } = await import('../../src/auth/sessions.ts');
  const refresh = new RefreshTokens({
    clock: t.clock,
    logger: t.app.log as never,
    ttlSeconds: 60,
    familyTtlSeconds: 120,
  });
  const sessions = new Sessions({ clock: t.clock, idleSeconds: 60, absoluteSeconds: 120 });
  await refresh.sweep(t.app.db);
  await sessions.sweep(t.app.db);
  await refresh.issue(t.app.db, memberId);
  await sessions.create(t.app.db, memberId);
  t.clock.advance(30_000);
  const live = await refresh.issue(t.app.db, memberId);
  const liveSession = await sessions.create(t.app.db, memberId);
  t.clock.advance(45_000); // the first ones are past their 60 s; the second ones are not
  assert.equal(await refresh.sweep(t.app.db), 1);
  assert.equal(await sessions.sweep(t.app.db), 1);
  assert.equal((await refresh.rotate(t.app.db, live.token)).subject, memberId);
  assert.ok(await sessions.lookup(t.app.db, liveSession.token));
});
