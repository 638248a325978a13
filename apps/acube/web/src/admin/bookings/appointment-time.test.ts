import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instantIn, wallClockIn } from './appointment-time.ts';

test('a date and time in the organisation zone become the instant, and back', () => {
  assert.equal(instantIn('2026-12-01', '14:00', 'Europe/Istanbul'), '2026-12-01T11:00:00.000Z');
  assert.deepEqual(wallClockIn('2026-12-01T11:00:00.000Z', 'Europe/Istanbul'), {
    day: '2026-12-01',
    clock: '14:00',
  });
  // Either side of a clock change: London is UTC+1 in July, UTC+0 in January.
  assert.equal(instantIn('2026-07-01', '09:30', 'Europe/London'), '2026-07-01T08:30:00.000Z');
  assert.equal(instantIn('2026-01-15', '09:30', 'Europe/London'), '2026-01-15T09:30:00.000Z');
  assert.equal(instantIn('2026-13-01', '09:30', 'UTC'), null);
  assert.equal(instantIn('2026-01-01', '9:30', 'UTC'), null);
});
