import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AttnTest, startAttn, TEST_PASSWORD } from '../helpers.ts';

let t: AttnTest;
before(async () => {
  t = await startAttn();
});
after(() => t.close());

const login = (school_number: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { school_number, password },
    remoteAddress: ip,
  });

const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'attn_session');

test('a local user logs in with school number and password and gets an httpOnly, SameSite=Lax session cookie', async () => {
  const student = await t.user('student');
  const res = await login(student.schoolNumber, TEST_PASSWORD);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().school_number, student.schoolNumber);
  assert.equal(res.json().role, 'student');
  const cookie = res.cookies.find((c) => c.name === 'attn_session') as Record<string, unknown> | undefined;
  assert.ok(cookie?.value);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');

  const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: `attn_session=${cookie.value}` } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().id, student.id);
  assert.ok(!JSON.stringify(t.logs).includes(TEST_PASSWORD), 'the password never reaches the logs');
});

test('a wrong password and an unknown school number get the same 401', async () => {
  const student = await t.user('student');
  const wrong = await login(student.schoolNumber, 'not the password');
  const unknown = await login('nobody-here', 'not the password');
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.statusCode, 401);
  assert.equal(wrong.json().error.message, unknown.json().error.message);
  assert.equal(cookieOf(wrong), undefined);
});

test('after logout the cookie no longer works', async () => {
  const student = await t.user('student');
  const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: student.headers });
  assert.equal(out.statusCode, 204);
  const me = await t.app.inject({ url: '/api/auth/me', headers: student.headers });
  assert.equal(me.statusCode, 401);
});

test('a session expires after 12 idle hours', async () => {
  const student = await t.user('student');
  t.clock.advance(13 * 3600_000);
  const me = await t.app.inject({ url: '/api/auth/me', headers: student.headers });
  assert.equal(me.statusCode, 401);
  t.clock.advance(-13 * 3600_000);
});

test('brute force is stopped per account, whatever the IP', async () => {
  const student = await t.user('student');
  let last = 0;
  for (let i = 0; i < 12; i++)
    last = (await login(student.schoolNumber, `wrong-${i}`, `10.1.0.${i}`)).statusCode;
  assert.equal(last, 429);
  const right = await login(student.schoolNumber, TEST_PASSWORD, '10.2.0.1');
  assert.equal(right.statusCode, 429, 'blocked even with the right password, until the delay passes');
  t.clock.advance(16 * 60_000);
  const later = await login(student.schoolNumber, TEST_PASSWORD, '10.2.0.1');
  assert.equal(later.statusCode, 200, later.body);
});

test('a lecture hall behind one NAT address logs in: 500 students in a few minutes, a few typos among them', async () => {
  const students = await Promise.all(Array.from({ length: 500 }, () => t.user('student')));
  const hall = '192.0.2.77';
  const codes = new Map<number, number>();
  for (const [i, s] of students.entries()) {
    if (i % 25 === 0) await login(s.schoolNumber, 'typo', hall);
    const res = await login(s.schoolNumber, TEST_PASSWORD, hall);
    codes.set(res.statusCode, (codes.get(res.statusCode) ?? 0) + 1);
    if (i % 100 === 99) t.clock.advance(60_000);
  }
  assert.deepEqual([...codes], [[200, 500]]);
});
