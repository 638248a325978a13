import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRetentionDue, retentionDueAt } from './retention-rule.ts';

const none = { onActiveRoster: false, lastTermEnd: null, lastCheckinAt: null, lastEnrolledAt: null };

test('a student on an active roster is never due, however old their data', () => {
  const facts = { ...none, onActiveRoster: true, lastEnrolledAt: new Date('2020-01-01T00:00:00Z') };
  assert.equal(retentionDueAt(facts, 180), null);
  assert.equal(isRetentionDue(facts, 180, new Date('2030-01-01T00:00:00Z')), false);
});

test('the period starts the day after the last term ended', () => {
  const facts = { ...none, lastTermEnd: '2026-01-31', lastEnrolledAt: new Date('2025-09-01T00:00:00Z') };
  assert.equal(retentionDueAt(facts, 10)?.toISOString(), '2026-02-11T00:00:00.000Z');
  assert.equal(isRetentionDue(facts, 10, new Date('2026-02-10T23:59:59Z')), false);
  assert.equal(isRetentionDue(facts, 10, new Date('2026-02-11T00:00:00Z')), true);
});

test('a later check-in or enrolment than the term end moves the date on', () => {
  const checkin = new Date('2026-03-01T10:00:00Z');
  assert.equal(
    retentionDueAt({ ...none, lastTermEnd: '2026-01-31', lastCheckinAt: checkin }, 1)?.toISOString(),
    '2026-03-02T10:00:00.000Z',
  );
  const enrolled = new Date('2026-04-01T00:00:00Z');
  assert.equal(
    retentionDueAt({ ...none, lastCheckinAt: checkin, lastEnrolledAt: enrolled }, 1)?.toISOString(),
    '2026-04-02T00:00:00.000Z',
  );
});
