import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attendance, rate } from './attendance-reports.ts';

test('the rate is attended over held to four places, and none before a session was held', () => {
  assert.equal(rate(0, 0), null);
  assert.equal(rate(2, 3), 0.6667);
  assert.equal(rate(3, 3), 1);
  assert.equal(rate(1, 7), 0.1429);
});

test('a session without a check-in is excused with an excuse, else absent once held, not yet before', () => {
  const s = { verification: 'not_required', excuse_category: null };
  assert.equal(attendance({ ...s, status: 'late', held: true }), 'late');
  assert.equal(attendance({ ...s, status: 'present', held: false }), 'present');
  assert.equal(attendance({ ...s, status: null, held: true }), 'absent');
  assert.equal(attendance({ ...s, status: null, held: false }), 'not_yet');
  assert.equal(attendance({ ...s, status: null, held: true, excuse_category: 'medical_report' }), 'excused');
});

test('a check-in whose selfie was rejected is no attendance; an excuse still counts', () => {
  assert.equal(
    attendance({ status: 'present', held: true, verification: 'rejected', excuse_category: null }),
    'absent',
  );
  assert.equal(
    attendance({ status: 'present', held: true, verification: 'rejected', excuse_category: 'other' }),
    'excused',
  );
  assert.equal(
    attendance({ status: 'present', held: true, verification: 'verified', excuse_category: 'other' }),
    'present',
  );
});
