import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '@campus/platform/errors';
import { checkConfirmed, retentionCutoff, totalOf } from './privacy-rules.ts';

const counts = { bookings: 1, registrations: 2, volunteer_applications: 0, contact_messages: 3 };

test('the total adds every kind, the mails included', () => {
  assert.equal(totalOf(counts), 6);
  assert.equal(totalOf({ ...counts, mails: 4 }), 10);
  assert.equal(totalOf({}), 0);
});

test('an erasure goes ahead only with the counts as they are now', () => {
  assert.doesNotThrow(() => checkConfirmed(counts, { ...counts }));
  assert.throws(
    () => checkConfirmed(counts, { ...counts, registrations: 3, contact_messages: 0 }),
    (err: unknown) =>
      err instanceof AppError &&
      err.code === 'COUNT_CHANGED' &&
      err.statusCode === 409 &&
      JSON.stringify(err.details) ===
        JSON.stringify([
          { field: 'expected.registrations', message: '3' },
          { field: 'expected.contact_messages', message: '0' },
        ]),
  );
});

test('the retention cut-off is the period before now, and none when the period is 0', () => {
  const now = new Date('2026-12-01T03:17:00Z');
  assert.equal(retentionCutoff(now, 730)?.toISOString(), '2024-12-01T03:17:00.000Z');
  assert.equal(retentionCutoff(now, 1)?.toISOString(), '2026-11-30T03:17:00.000Z');
  assert.equal(retentionCutoff(now, 0), null);
});
