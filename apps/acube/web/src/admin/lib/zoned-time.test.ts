import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateTimeIn, endOfDayIn, startOfDayIn } from './zoned-time.ts';

test('a day starts at midnight of the zone, not of UTC', () => {
  assert.equal(startOfDayIn('2026-03-03', 'Europe/Istanbul')?.toISOString(), '2026-03-02T21:00:00.000Z');
  assert.equal(startOfDayIn('2026-03-03', 'UTC')?.toISOString(), '2026-03-03T00:00:00.000Z');
  assert.equal(startOfDayIn('2026-03-03', 'America/New_York')?.toISOString(), '2026-03-03T05:00:00.000Z');
});

test('a day ends at its last millisecond there', () => {
  assert.equal(endOfDayIn('2026-03-03', 'Europe/Istanbul')?.toISOString(), '2026-03-03T20:59:59.999Z');
});

test('days around a clock change keep their own offsets', () => {
  // New York moves to summer time on 8 March 2026: that day has 23 hours.
  assert.equal(startOfDayIn('2026-03-08', 'America/New_York')?.toISOString(), '2026-03-08T05:00:00.000Z');
  assert.equal(startOfDayIn('2026-03-09', 'America/New_York')?.toISOString(), '2026-03-09T04:00:00.000Z');
  assert.equal(endOfDayIn('2026-03-08', 'America/New_York')?.toISOString(), '2026-03-09T03:59:59.999Z');
});

test('a malformed day is null', () => {
  assert.equal(startOfDayIn('3/3/2026', 'UTC'), null);
  assert.equal(endOfDayIn('', 'UTC'), null);
});

test('an instant is shown in the zone', () => {
  assert.match(dateTimeIn('2026-03-02T22:30:00Z', 'en', 'Europe/Istanbul'), /3 Mar 2026.*01:30/);
});
