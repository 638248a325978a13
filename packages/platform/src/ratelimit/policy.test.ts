import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPolicyText, PolicySyntaxError, parsePolicy } from './policy.ts';

test('a policy has one named window per part, with the text the 429 body shows', () => {
  const policy = parsePolicy('public', '10/minute; 30/hour');
  assert.deepEqual(policy.windows, [
    { name: 'public-1m', limit: 10, seconds: 60, text: '10 per 1 minute' },
    { name: 'public-1h', limit: 30, seconds: 3600, text: '30 per 1 hour' },
  ]);
});

test('windows may span several units and be written with "per"', () => {
  const [w5m, day, secs] = parsePolicy('x', '20/5 minutes;100 per day;3/30seconds').windows;
  assert.deepEqual(w5m, { name: 'x-5m', limit: 20, seconds: 300, text: '20 per 5 minutes' });
  assert.deepEqual(day, { name: 'x-1d', limit: 100, seconds: 86_400, text: '100 per 1 day' });
  assert.deepEqual(secs, { name: 'x-30s', limit: 3, seconds: 30, text: '3 per 30 seconds' });
});

test('nonsense, zero limits and repeated lengths are refused', () => {
  for (const text of ['', 'lots', '10/fortnight', '0/minute', '10/0 minutes', '1/minute;2/60 seconds']) {
    assert.throws(() => parsePolicy('x', text), PolicySyntaxError, text);
    assert.equal(isPolicyText(text), false, text);
  }
  assert.equal(isPolicyText('5/second'), true);
});
