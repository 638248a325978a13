import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptsCode, checkCode, currentCode, hotp, sessionCodeKey } from './session-codes.ts';

test('HOTP matches the RFC 4226 appendix D test values', () => {
  const key = Buffer.from('12345678901234567890');
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
  expected.forEach((value, counter) => {
    assert.equal(hotp(key, counter), value);
  });
});

test('a code is accepted in its step and the next, refused two steps later', () => {
  const key = sessionCodeKey('a secret', 'session-a');
  const t0 = 1_000_000_000_000;
  const shown = currentCode(key, 10, t0);
  assert.ok(acceptsCode(key, 10, t0, shown.code));
  assert.ok(acceptsCode(key, 10, t0 + 10_000, shown.code));
  assert.ok(!acceptsCode(key, 10, t0 + 20_000, shown.code));
  assert.ok(!acceptsCode(key, 10, t0 - 10_000, shown.code), 'a code from the future is refused');
  assert.equal(shown.validUntil.getTime() - shown.rotatesAt.getTime(), 10_000);
});

test('each session has its own codes, and odd input is simply refused', () => {
  const a = sessionCodeKey('a secret', 'session-a');
  const b = sessionCodeKey('a secret', 'session-b');
  const t0 = 1_700_000_000_000;
  assert.notEqual(currentCode(a, 10, t0).code, currentCode(b, 10, t0).code);
  assert.ok(!acceptsCode(b, 10, t0, currentCode(a, 10, t0).code));
  for (const odd of ['', '12345', '1234567', 'abcdef', 'é'.repeat(3)])
    assert.ok(!acceptsCode(a, 10, t0, odd));
});

test('a code of an earlier step of the session is expired, up to ten minutes back; anything else is invalid', () => {
  const key = sessionCodeKey('a secret', 'session-a');
  const opened = 1_700_000_000_000;
  const t0 = opened + 60_000;
  const shown = currentCode(key, 10, t0).code;
  const check = (nowMs: number, code = shown, openedAt = opened) => checkCode(key, 10, nowMs, code, openedAt);
  assert.equal(check(t0), 'accepted');
  assert.equal(check(t0 + 10_000), 'accepted', 'in the next step too');
  assert.equal(check(t0 + 20_000), 'expired', 'two steps later');
  assert.equal(check(t0 + 9 * 60_000), 'expired');
  assert.equal(check(t0 + 11 * 60_000), 'invalid', 'past the look-back');
  assert.equal(check(t0 - 10_000), 'invalid', 'a code from the future');
  const wrong = [...shown].map((d) => (Number(d) + 1) % 10).join('');
  assert.equal(check(t0 + 20_000, wrong), 'invalid', 'a wrong code');
  assert.equal(check(t0 + 60_000, shown, t0 + 30_000), 'invalid', 'a step before the session opened');
  assert.equal(check(t0 + 60_000, shown, t0 + 5_000), 'expired', 'the step the session opened in counts');
  const other = sessionCodeKey('a secret', 'session-b');
  assert.equal(checkCode(other, 10, t0 + 20_000, shown, opened), 'invalid', "another session's code");
  for (const odd of ['', '12345', '1234567', 'abcdef', 'é'.repeat(3)])
    assert.equal(check(t0, odd), 'invalid');
});
