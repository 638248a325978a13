// Login security through the real ATTN server: the device cookie keeps the owner's browser out
// of a lockout others caused (OWASP device cookies), and two-factor (TOTP) for teachers and
// admins: the code step, replay refusal, recovery codes, the admin's requirement, disabling.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { totpCodeAt } from '@campus/platform/auth';
import { sql } from 'drizzle-orm';
import { type AttnTest, startAttn, TEST_PASSWORD } from '../helpers.ts';

let t: AttnTest;
before(async () => {
  // Client addresses come from X-Forwarded-For, as behind the production proxy; the per-IP auth
  // policy is raised so that a 429 here is the login throttle's.
  t = await startAttn({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_AUTH: '1000/minute' });
});
after(() => t.close());

const post = (url: string, payload: object, ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': ip, ...headers } });
const login = (school_number: string, ip: string, opts: { password?: string; cookie?: string } = {}) =>
  post('/api/auth/login', { school_number, password: opts.password ?? TEST_PASSWORD }, ip, {
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
  });
const session = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'attn_session');
const codeAt = totpCodeAt;
const actions = async (entityId: string) => {
  const result = (await t.app.db.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  )) as unknown as { rows: { action: string }[] };
  return result.rows.map((r) => r.action);
};

test("failures for a student's account from 50 addresses leave the student's own phone logging in at once; an untrusted client waits", async () => {
  const student = await t.user('student');
  const first = await login(student.schoolNumber, '192.0.2.10');
  assert.equal(first.statusCode, 200);
  const device = first.cookies.find((c) => c.name === 'attn_device');
  assert.ok(device, 'a device cookie is set at login');
  assert.equal(device.httpOnly, true);
  assert.equal(device.sameSite, 'Strict');
  assert.equal(device.path, '/api/auth');
  assert.ok(!device.value.includes(student.schoolNumber), 'the school number is not readable in it');

  for (let i = 0; i < 50; i++) {
    const res = await login(student.schoolNumber, `198.51.100.${i + 1}`, { password: 'a wrong guess' });
    assert.ok([401, 429].includes(res.statusCode), `guess ${i}: ${res.statusCode}`);
  }
  const stranger = await login(student.schoolNumber, '203.0.113.7');
  assert.equal(stranger.statusCode, 429, 'a client without the cookie is held by the lockout');
  assert.equal(session(stranger), undefined);

  const owner = await login(student.schoolNumber, '192.0.2.10', { cookie: `attn_device=${device.value}` });
  assert.equal(owner.statusCode, 200, owner.body);
  assert.ok(session(owner)?.value);
});

test('two-factor for a teacher: a code from the secret logs in, a replayed code is refused, a recovery code works once', async () => {
  const teacher = await t.user('teacher');
  const ip = '192.0.2.20';
  const student = await t.user('student');
  const refused = await t.app.inject({
    method: 'POST',
    url: '/api/auth/two-factor/enrol',
    headers: student.headers,
  });
  assert.equal(refused.statusCode, 403, 'students have no second factor');

  const enrol = await t.app.inject({
    method: 'POST',
    url: '/api/auth/two-factor/enrol',
    headers: teacher.headers,
  });
  assert.equal(enrol.statusCode, 200, enrol.body);
  const { secret, otpauth_url, qr_svg } = enrol.json();
  assert.match(otpauth_url, /^otpauth:\/\/totp\/ATTN:/);
  assert.match(qr_svg, /^<svg/);
  const firstCode = codeAt(secret, t.clock.nowMs());
  const confirmed = await post('/api/auth/two-factor/confirm', { code: firstCode }, ip, teacher.headers);
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  const codes: string[] = confirmed.json().recovery_codes;
  assert.equal(codes.length, 10);

  const step1 = await login(teacher.schoolNumber, ip);
  assert.equal(step1.statusCode, 200);
  assert.equal(step1.json().second_factor, 'code');
  assert.equal(session(step1), undefined, 'no session before the code');
  const pending = step1.json().pending_token;
  const withCode = (code: string) => post('/api/auth/login/code', { pending_token: pending, code }, ip);

  assert.equal((await withCode(firstCode)).statusCode, 401, 'the confirming code is spent');
  t.clock.advance(30_000);
  const code = codeAt(secret, t.clock.nowMs());
  const done = await withCode(code);
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().school_number, teacher.schoolNumber);
  assert.ok(session(done)?.value);
  assert.equal((await withCode(code)).statusCode, 401, 'a replayed code is refused');
  const recovery = codes[3] ?? '';
  assert.equal((await withCode(recovery)).statusCode, 200, 'a recovery code works');
  assert.equal((await withCode(recovery)).statusCode, 401, 'once');
  const audit = await actions(teacher.id);
  assert.ok(audit.includes('user.two_factor_enabled'));
  assert.ok(audit.includes('user.two_factor_recovery_code_used'));
  const text = JSON.stringify(t.logs);
  assert.ok(!text.includes(secret) && !text.includes(recovery));

  const off = await post('/api/auth/two-factor/disable', { code: codes[4] ?? '' }, ip, teacher.headers);
  assert.equal(off.statusCode, 204, off.body);
  assert.ok(session(await login(teacher.schoolNumber, ip)), 'password alone again');
});

test('an admin can require two-factor: teachers without it lose their sessions and enrol right after the password', async () => {
  const admin = await t.user('admin');
  const teacher = await t.user('teacher');
  const student = await t.user('student');
  const ip = '192.0.2.30';
  const put = (headers: Record<string, string>, required: boolean) =>
    t.app.inject({ method: 'PUT', url: '/api/auth/two-factor/requirement', payload: { required }, headers });
  assert.equal((await put(teacher.headers, true)).statusCode, 403, 'teachers cannot');
  // The admin sets up two-factor first, or their own session would end with the others'.
  const own = await t.app.inject({
    method: 'POST',
    url: '/api/auth/two-factor/enrol',
    headers: admin.headers,
  });
  const code = codeAt(own.json().secret, t.clock.nowMs());
  assert.equal((await post('/api/auth/two-factor/confirm', { code }, ip, admin.headers)).statusCode, 200);
  assert.deepEqual((await put(admin.headers, true)).json(), { required: true });
  const me = await t.app.inject({ url: '/api/auth/me', headers: teacher.headers });
  assert.equal(me.statusCode, 401, "the teacher's session without two-factor ended");
  assert.ok(session(await login(student.schoolNumber, ip)), 'students log in as before');

  const step1 = await login(teacher.schoolNumber, ip);
  assert.equal(step1.json().second_factor, 'enrol');
  assert.equal(session(step1), undefined);
  const pending = step1.json().pending_token;
  const enrol = await post('/api/auth/login/enrol', { pending_token: pending }, ip);
  assert.equal(enrol.statusCode, 200, enrol.body);
  const done = await post(
    '/api/auth/login/enrol/confirm',
    { pending_token: pending, code: codeAt(enrol.json().secret, t.clock.nowMs()) },
    ip,
  );
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().recovery_codes.length, 10);
  const cookie = session(done);
  assert.ok(cookie);
  const headers = { cookie: `attn_session=${cookie.value}` };
  assert.equal((await t.app.inject({ url: '/api/auth/me', headers })).statusCode, 200);
  const disable = await post('/api/auth/two-factor/disable', { password: TEST_PASSWORD }, ip, headers);
  assert.equal(disable.statusCode, 409, 'not while required');
  assert.deepEqual((await put(admin.headers, false)).json(), { required: false });
  assert.deepEqual(await actions('two_factor_required'), [
    'settings.two_factor_requirement_changed',
    'settings.two_factor_requirement_changed',
  ]);
});
