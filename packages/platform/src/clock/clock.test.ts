import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRunningTestClock, createTestClock, systemClock } from './clock.ts';

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

test('a running test clock moves with real time and can be moved on', async () => {
  const clock = createRunningTestClock('2026-03-01T10:00:00Z');
  const first = clock.nowMs();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const later = clock.nowMs();
  assert.ok(later - first >= 15 && later - first < 2000, `moved ${later - first} ms`);
  clock.advance(60_000);
  assert.ok(clock.nowMs() - later >= 60_000);
  clock.set('2030-01-01T00:00:00Z');
  assert.ok(Math.abs(clock.nowMs() - Date.parse('2030-01-01T00:00:00Z')) < 1000);
});
