import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptsCode, currentCode, hotp, sessionCodeKey } from './session-codes.ts';

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
