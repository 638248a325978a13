import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestClock, systemClock } from './clock.ts';

test('the system clock follows real time', () => {
  const before = Date.now();
  const now = systemClock.nowMs();
  assert.ok(now >= before && now <= Date.now());
  assert.ok(systemClock.now() instanceof Date);
});

test('a test clock stays where it is set and moves only when advanced', () => {
  const clock = createTestClock('2026-03-01T10:00:00Z');
  assert.equal(clock.now().toISOString(), '2026-03-01T10:00:00.000Z');
  clock.advance(1500);
  assert.equal(clock.now().toISOString(), '2026-03-01T10:00:01.500Z');
  clock.set(0);
  assert.equal(clock.nowMs(), 0);
});
