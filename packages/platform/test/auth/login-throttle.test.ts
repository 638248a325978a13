// Login brute-force protection through the real login route: per account from any IP, per IP
// over any account, growing delays answered at once with 429, bounded, reset by success.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import argon2 from 'argon2';
import { eq } from 'drizzle-orm';
import { OWASP_ARGON2ID } from '../../src/auth/passwords.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { users } from '../fixtures/auth-app/schema.ts';
import { addUser, authAppSpec } from '../fixtures/auth-app/spec.ts';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;
before(async () => {
  t = await createTestApp(authAppSpec, { env: { TRUST_PROXY: '127.0.0.1' } });
  await addUser(t.app, 'victim@example.org', PASSWORD, ['member']);
  await addUser(t.app, 'other@example.org', PASSWORD, ['member']);
});
after(() => t.close());

const login = (login: string, password: string, ip: string) =>
  t.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { login, password },
    headers: { 'x-forwarded-for': ip },
  });

test('ten wrong passwords from ten IPs slow the account; the right one works again once the delay has passed', async () => {
  const statuses: number[] = [];
  const waits: number[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await login('victim@example.org', `guess-${i}`, `198.51.100.${i + 1}`);
    statuses.push(res.statusCode);
    if (res.statusCode === 429) {
      waits.push(Number(res.headers['retry-after']));
      t.clock.advance(Number(res.headers['retry-after']) * 1000); // the attacker waits, then guesses again
      const again = await login('victim@example.org', `guess-${i}`, `198.51.100.${i + 1}`);
      assert.equal(again.statusCode, 401);
    }
  }
  assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
  assert.ok(
    statuses.slice(5).every((s) => s === 429),
    'after 5 failures each attempt waits',
  );
  assert.deepEqual(waits, [1, 2, 4, 8, 16], 'the delay doubles with each failure');

  // Now even the owner, from a fresh IP and with the right password, is told to wait: at once.
  const blocked = await login('victim@example.org', PASSWORD, '192.0.2.77');
  assert.equal(blocked.statusCode, 429);
  assert.deepEqual(blocked.json(), { error: 'Too many failed logins', detail: 'Try again in 32 seconds' });
  assert.equal(blocked.headers['retry-after'], '32');
  // Another account is not affected.
  assert.equal((await login('other@example.org', PASSWORD, '192.0.2.77')).statusCode, 200);

  t.clock.advance(32_000);
  const ok = await login('victim@example.org', PASSWORD, '192.0.2.77');
  assert.equal(ok.statusCode, 200);
  // Success cleared the account's count: one more typo does not block.
  assert.equal((await login('victim@example.org', 'typo', '192.0.2.77')).statusCode, 401);
  assert.equal((await login('victim@example.org', PASSWORD, '192.0.2.77')).statusCode, 200);

  const failed = t.logs.filter((l) => l.event === 'login.failed');
  const refused = t.logs.filter((l) => l.event === 'login.blocked');
  assert.ok(failed.length >= 10 && refused.length >= 5);
  assert.ok(failed.every((l) => l.level === 30 && typeof l.accountRef === 'string' && l.ip));
  const text = JSON.stringify(t.logs);
  assert.ok(!text.includes(PASSWORD) && !text.includes('guess-3'), 'no password reaches the log');
  assert.ok(!text.includes('victim@example.org'), 'the login name is logged as a keyed hash only');
});

test('an attacker cannot hold an account for longer than the maximum delay after the last failure', async () => {
  await addUser(t.app, 'target@example.org', PASSWORD, ['member']);
  let last = 0;
  for (let i = 0; i < 40; i++) {
    const res = await login('target@example.org', 'wrong', `203.0.113.${i + 1}`);
    if (res.statusCode === 429) {
      last = Number(res.headers['retry-after']);
      assert.ok(last <= 900, `Retry-After ${last} stays within 15 minutes`);
      t.clock.advance(last * 1000);
    }
  }
  assert.equal(last, 900);
  t.clock.advance(900_000);
  assert.equal((await login('target@example.org', PASSWORD, '192.0.2.78')).statusCode, 200);
});

test('many failures from one IP over many accounts block that IP, not the others', async () => {
  const ip = '192.0.2.200';
  for (let i = 0; i < 20; i++)
    assert.equal((await login(`nobody-${i}@example.org`, 'x', ip)).statusCode, 401);
  const blocked = await login('other@example.org', PASSWORD, ip);
  assert.equal(blocked.statusCode, 429);
  assert.equal(blocked.headers['retry-after'], '1');
  assert.equal((await login('other@example.org', PASSWORD, '192.0.2.201')).statusCode, 200);
  assert.ok(t.logs.some((l) => l.event === 'login.blocked' && l.scope === 'ip'));
});

test('an unknown user and a wrong password get the same answer', async () => {
  const unknown = await login('ghost@example.org', PASSWORD, '192.0.2.90');
  const wrong = await login('other@example.org', 'not it', '192.0.2.91');
  assert.equal(unknown.statusCode, 401);
  assert.deepEqual({ ...unknown.json().error, requestId: '' }, { ...wrong.json().error, requestId: '' });
});

test('a hash made with older parameters is replaced on the next successful login', async () => {
  const weak = await argon2.hash(PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 4096,
    timeCost: 1,
    parallelism: 1,
  });
  await t.app.db.insert(users).values({ login: 'old@example.org', passwordHash: weak, roles: ['member'] });
  assert.equal((await login('old@example.org', PASSWORD, '192.0.2.92')).statusCode, 200);
  const [row] = await t.app.db.select().from(users).where(eq(users.login, 'old@example.org'));
  assert.notEqual(row?.passwordHash, weak);
  assert.match(row?.passwordHash ?? '', /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  assert.equal(argon2.needsRehash(row?.passwordHash ?? '', OWASP_ARGON2ID), false);
  assert.equal((await login('old@example.org', PASSWORD, '192.0.2.92')).statusCode, 200);
});
