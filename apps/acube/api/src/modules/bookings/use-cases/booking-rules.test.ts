// The booking rules: the preferred date, the consent, and the status transitions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bookingStatuses } from '../../../db/schema/bookings.ts';
import {
  consentProblem,
  preferredDateProblem,
  requesterCancellation,
  staffStatusChange,
} from './booking-rules.ts';

test('a preferred date of today or later is fine; an earlier one names today (UTC)', () => {
  const now = new Date('2026-01-01T23:30:00Z');
  assert.equal(preferredDateProblem('2026-01-01', now), undefined);
  assert.equal(preferredDateProblem('2027-01-01', now), undefined);
  assert.equal(preferredDateProblem('2025-12-31', now), 'must be today (2026-01-01) or later');
});

test('the requester cancels a pending or confirmed booking, again is no change, and a finished one is refused', () => {
  const outcome = Object.fromEntries(bookingStatuses.map((s) => [s, requesterCancellation(s)]));
  assert.deepEqual(outcome, {
    pending: 'cancel',
    confirmed: 'cancel',
    completed: 'refuse',
    cancelled: 'unchanged',
    'no-show': 'refuse',
  });
});

test('staff may set any status; the same status again is no change', () => {
  for (const from of bookingStatuses) {
    for (const to of bookingStatuses) {
      assert.equal(staffStatusChange(from, to), from === to ? 'unchanged' : 'change', `${from} to ${to}`);
    }
  }
});

test('a request with neither consent field passes and records none; one without the other does not', () => {
  assert.equal(consentProblem({ given: undefined, noticeVersion: undefined }, '2026-11'), undefined);
  assert.equal(consentProblem({ given: undefined, noticeVersion: '2026-11' }, '2026-11'), 'consent_missing');
  assert.equal(consentProblem({ given: true, noticeVersion: undefined }, '2026-11'), 'version_missing');
});

test('consent counts only when given as true under the privacy notice shown now', () => {
  assert.equal(consentProblem({ given: true, noticeVersion: '2026-11' }, '2026-11'), undefined);
  assert.equal(consentProblem({ given: true, noticeVersion: '2026-05' }, '2026-11'), 'notice_outdated');
  assert.equal(consentProblem({ given: true, noticeVersion: '' }, '2026-11'), 'version_missing');
  for (const given of [false, undefined, null, 'true', 1, 'yes']) {
    assert.equal(
      consentProblem({ given, noticeVersion: '2026-11' }, '2026-11'),
      'consent_missing',
      String(given),
    );
  }
});
