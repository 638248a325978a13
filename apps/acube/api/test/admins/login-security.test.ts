// Login security through the real A-Cube server: the device cookie keeps the owner's browser out
// of a lockout others caused (OWASP device cookies), and two-factor (TOTP) for admins: the code
// step, replay refusal, recovery codes, enrolment, the superadmin's requirement, disabling.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { totpCodeAt } from '@campus/platform/auth';
import { sql } from 'drizzle-orm';
import { type AcubeTest, startAcube } from '../helpers.ts';

const PASSWORD = 'a test admin passphrase';
let t: AcubeTest;
before(async () => {
  // Client addresses come from X-Forwarded-For, as behind the production proxy; the per-IP auth
  // policy is raised so that a 429 here is the login throttle's.
  t = await startAcube({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_AUTH: '1000/minute' });
});
after(() => t.close());

const post = (url: string, payload: object, ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': ip, ...headers } });
const login = (email: string, ip: string, opts: { password?: string; cookie?: string } = {}) =>
  post('/api/admin/auth/login', { email, password: opts.password ?? PASSWORD }, ip, {
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
  });
const codeAt = totpCodeAt;
const actions = async (entityId: string) => {
  const result = (await t.app.db.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  )) as unknown as { rows: { action: string }[] };
  return result.rows.map((r) => r.action);
};

test("failures for one account from 50 addresses leave the owner's device logging in at once; an untrusted client waits", async () => {
  const email = 'owner@acube.test';
  await t.admin('staff', email);
  const first = await login(email, '192.0.2.10');
  assert.equal(first.statusCode, 200);
  const device = first.cookies.find((c) => c.name === 'acube_device');
  assert.ok(device, 'a device cookie is set at login');
  assert.equal(device.httpOnly, true);
  assert.equal(device.secure, true);
  assert.equal(device.sameSite, 'Strict');
  assert.equal(device.path, '/api/admin/auth');
  assert.doesNotMatch(device.value, /owner@acube/, 'the account is not readable in it');

  for (let i = 0; i < 50; i++) {
    const res = await login(email, `198.51.100.${i + 1}`, { password: 'a wrong guess' });
    assert.ok([401, 429].includes(res.statusCode), `guess ${i}: ${res.statusCode}`);
  }
  const stranger = await login(email, '203.0.113.7');
  assert.equal(stranger.statusCode, 429, 'a client without the cookie is held by the lockout');
  assert.ok(Number(stranger.headers['retry-after']) > 0);
  const forged = await login(email, '192.0.2.10', { cookie: `acube_device=${device.value.slice(0, -2)}xx` });
  assert.equal(forged.statusCode, 429, 'a forged cookie is no device');

  const owner = await login(email, '192.0.2.10', { cookie: `acube_device=${device.value}` });
  assert.equal(owner.statusCode, 200, owner.body);
  assert.ok(owner.json().access_token);

  // Another account's device cookie does not open this one.
  const other = 'other@acube.test';
  await t.admin('staff', other);
  for (let i = 0; i < 6; i++) await login(other, `198.51.100.${100 + i}`, { password: 'nope' });
  const crossed = await login(other, '192.0.2.10', { cookie: `acube_device=${device.value}` });
  assert.equal(crossed.statusCode, 429);
});

test('two-factor: enrol with a first code, then login needs a code; a replayed code is refused; a recovery code works once', async () => {
  const email = 'twofa@acube.test';
  const { id, authorization } = await t.admin('staff', email);
  const ip = '192.0.2.20';
  const enrol = await t.app.inject({
    method: 'POST',
    url: '/api/admin/two-factor/enrol',
    headers: { authorization },
  });
  assert.equal(enrol.statusCode, 200, enrol.body);
  const { secret, otpauth_url, qr_svg } = enrol.json();
  assert.match(otpauth_url, /^otpauth:\/\/totp\/A-Cube:twofa%40acube\.test\?/);
  assert.match(qr_svg, /^<svg/);
  const stored = (await t.app.db.execute(
    sql`select secret from auth_second_factors where subject = ${id}`,
  )) as unknown as { rows: { secret: string }[] };
  assert.ok(!stored.rows[0]?.secret.includes(secret), 'the secret is encrypted at rest');

  // Not on before a first code confirms it.
  assert.equal((await login(email, ip)).json().token_type, 'Bearer');
  const wrong = await post('/api/admin/two-factor/confirm', { code: '000000' }, ip, { authorization });
  assert.equal(wrong.statusCode, 401);
  const firstCode = codeAt(secret, t.clock.nowMs());
  const confirmed = await post('/api/admin/two-factor/confirm', { code: firstCode }, ip, { authorization });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  const codes: string[] = confirmed.json().recovery_codes;
  assert.equal(codes.length, 10);
  const status = await t.app.inject({
    method: 'GET',
    url: '/api/admin/two-factor',
    headers: { authorization },
  });
  assert.deepEqual(status.json(), { enabled: true, required: false, recovery_codes_left: 10 });

  // Password alone is not a login any more.
  const step1 = await login(email, ip);
  assert.equal(step1.statusCode, 200);
  assert.equal(step1.json().second_factor, 'code');
  assert.equal(step1.json().access_token, undefined);
  assert.equal(
    step1.cookies.find((c) => c.name === 'acube_refresh'),
    undefined,
  );
  const pending = step1.json().pending_token;
  const withCode = (code: string, token = pending) =>
    post('/api/admin/auth/login/code', { pending_token: token, code }, ip);

  assert.equal((await withCode(firstCode)).statusCode, 401, 'the confirming code is spent');
  t.clock.advance(30_000);
  const code = codeAt(secret, t.clock.nowMs());
  const done = await withCode(code);
  assert.equal(done.statusCode, 200, done.body);
  assert.ok(done.json().access_token);
  assert.ok(done.cookies.find((c) => c.name === 'acube_refresh'));
  assert.equal((await withCode(code)).statusCode, 401, 'a replayed code is refused');

  const recovery = codes[0] ?? '';
  assert.equal((await withCode(recovery.toUpperCase())).statusCode, 200, 'a recovery code works');
  assert.equal((await withCode(recovery)).statusCode, 401, 'once');
  assert.equal(
    (await post('/api/admin/auth/login/code', { pending_token: 'x'.repeat(40), code }, ip)).statusCode,
    401,
  );
  const audit = await actions(id);
  assert.ok(audit.includes('admin.two_factor_enabled'));
  assert.ok(audit.includes('admin.two_factor_recovery_code_used'));
  const text = JSON.stringify(t.logs);
  assert.ok(!text.includes(secret) && !text.includes(recovery) && !text.includes(code));

  // Guessing codes is throttled like passwords.
  const guesses: number[] = [];
  for (let i = 0; i < 7; i++) guesses.push((await withCode(String(100000 + i))).statusCode);
  assert.deepEqual([...new Set(guesses)], [401, 429], guesses.join());
  assert.equal(guesses.at(-1), 429);
});

test('a superadmin can require two-factor: those without it enrol right after the password and can do nothing else first', async () => {
  const boss = await t.admin('superadmin', 'boss@acube.test');
  const staffEmail = 'plain@acube.test';
  const staff = await t.admin('staff', staffEmail);
  const ip = '192.0.2.30';
  const put = (authorization: string, required: boolean) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/admin/two-factor/requirement',
      payload: { required },
      headers: { authorization },
    });
  const before = await login(staffEmail, ip);
  const refreshCookie = before.cookies.find((c) => c.name === 'acube_refresh')?.value ?? '';
  assert.equal((await put(staff.authorization, true)).statusCode, 403, 'staff cannot');
  assert.deepEqual((await put(boss.authorization, true)).json(), { required: true });

  const step1 = await login(staffEmail, ip);
  assert.equal(step1.json().second_factor, 'enrol');
  assert.equal(step1.json().access_token, undefined);
  const pending = step1.json().pending_token;
  assert.equal(
    (await post('/api/admin/auth/login/code', { pending_token: pending, code: '123456' }, ip)).statusCode,
    401,
    'an enrolment token is no code step',
  );
  const refresh = await t.app.inject({
    method: 'POST',
    url: '/api/admin/auth/refresh',
    headers: {
      cookie: `acube_refresh=${refreshCookie}`,
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': ip,
    },
  });
  assert.equal(refresh.statusCode, 401, 'an older login without two-factor is not renewed');

  const enrol = await post('/api/admin/auth/login/enrol', { pending_token: pending }, ip);
  assert.equal(enrol.statusCode, 200, enrol.body);
  const code = codeAt(enrol.json().secret, t.clock.nowMs());
  const done = await post('/api/admin/auth/login/enrol/confirm', { pending_token: pending, code }, ip);
  assert.equal(done.statusCode, 200, done.body);
  assert.ok(done.json().access_token);
  assert.equal(done.json().recovery_codes.length, 10);
  const authorization = `Bearer ${done.json().access_token}`;

  const disable = await post('/api/admin/two-factor/disable', { password: PASSWORD }, ip, { authorization });
  assert.equal(disable.statusCode, 409, 'not while required');
  assert.deepEqual((await put(boss.authorization, false)).json(), { required: false });
  const badPassword = await post('/api/admin/two-factor/disable', { password: 'wrong' }, ip, {
    authorization,
  });
  assert.equal(badPassword.statusCode, 401);
  const off = await post('/api/admin/two-factor/disable', { password: PASSWORD }, ip, { authorization });
  assert.equal(off.statusCode, 204, off.body);
  assert.equal((await login(staffEmail, ip)).json().token_type, 'Bearer', 'password alone again');

  assert.deepEqual(await actions('two_factor_required'), [
    'admin.two_factor_requirement_changed',
    'admin.two_factor_requirement_changed',
  ]);
  const audit = await actions(staff.id);
  assert.ok(audit.includes('admin.two_factor_enabled') && audit.includes('admin.two_factor_disabled'));
});
