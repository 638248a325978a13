import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayRange, nextDay, startOfDayIn } from './day-range.ts';

test("a day starts at the zone's midnight: Istanbul is UTC+3, UTC is itself", () => {
  assert.equal(startOfDayIn('2026-11-01', 'Europe/Istanbul').toISOString(), '2026-10-31T21:00:00.000Z');
  assert.equal(startOfDayIn('2026-11-01', 'UTC').toISOString(), '2026-11-01T00:00:00.000Z');
});

test('a day across a daylight-saving change starts at the right offset on either side', () => {
  // London: GMT until 29 March 2026 01:00 UTC, then BST (UTC+1).
  assert.equal(startOfDayIn('2026-03-29', 'Europe/London').toISOString(), '2026-03-29T00:00:00.000Z');
  assert.equal(startOfDayIn('2026-03-30', 'Europe/London').toISOString(), '2026-03-29T23:00:00.000Z');
  assert.equal(startOfDayIn('2026-07-01', 'America/New_York').toISOString(), '2026-07-01T04:00:00.000Z');
});

test('the range is inclusive of both days: it ends where the day after `to` starts', () => {
  assert.equal(nextDay('2026-12-31'), '2027-01-01');
  assert.equal(nextDay('2028-02-28'), '2028-02-29');
  const r = dayRange('2026-11-01', '2026-11-01', 'Europe/Istanbul');
  assert.equal(r.start?.toISOString(), '2026-10-31T21:00:00.000Z');
  assert.equal(r.end?.toISOString(), '2026-11-01T21:00:00.000Z');
  assert.deepEqual(dayRange(undefined, undefined, 'UTC'), {});
});
