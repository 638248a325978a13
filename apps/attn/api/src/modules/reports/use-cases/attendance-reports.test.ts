import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attendance, rate } from './attendance-reports.ts';

test('the rate is attended over held to four places, and none before a session was held', () => {
  assert.equal(rate(0, 0), null);
  assert.equal(rate(2, 3), 0.6667);
  assert.equal(rate(3, 3), 1);
  assert.equal(rate(1, 7), 0.1429);
});

test('a session without a check-in is absent once held, not yet before', () => {
  assert.equal(attendance({ status: 'late', held: true }), 'late');
  assert.equal(attendance({ status: 'present', held: false }), 'present');
  assert.equal(attendance({ status: null, held: true }), 'absent');
  assert.equal(attendance({ status: null, held: false }), 'not_yet');
});
