import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decidePlace,
  freePlaces,
  promotionsOnCancellation,
  promotionsOnCapacityChange,
} from './waiting-list.ts';

test('a registration is confirmed while places last, then waits behind the last position handed out', () => {
  assert.deepEqual(decidePlace(2, 0, 0), { status: 'confirmed', position: null });
  assert.deepEqual(decidePlace(2, 1, 0), { status: 'confirmed', position: null });
  assert.deepEqual(decidePlace(2, 2, 0), { status: 'waiting', position: 1 });
  assert.deepEqual(decidePlace(2, 2, 7), { status: 'waiting', position: 8 });
  assert.deepEqual(decidePlace(2, 3, 1), { status: 'waiting', position: 2 }, 'an overbooked event waits too');
});

test('free places never go below zero', () => {
  assert.equal(freePlaces(5, 2), 3);
  assert.equal(freePlaces(5, 5), 0);
  assert.equal(freePlaces(2, 4), 0);
});

test('only a cancelled confirmed place promotes, and exactly one person', () => {
  assert.equal(promotionsOnCancellation('confirmed'), 1);
  assert.equal(promotionsOnCancellation('waiting'), 0);
  assert.equal(promotionsOnCancellation('cancelled'), 0);
});

test('raising the capacity promotes as many as the new places allow; keeping or lowering it promotes nobody', () => {
  assert.equal(promotionsOnCapacityChange(2, 5, 2), 3);
  assert.equal(promotionsOnCapacityChange(2, 3, 2), 1);
  assert.equal(promotionsOnCapacityChange(2, 4, 3), 1, 'an overbooked event fills only what is left');
  assert.equal(promotionsOnCapacityChange(2, 3, 4), 0);
  assert.equal(promotionsOnCapacityChange(5, 5, 2), 0);
  assert.equal(promotionsOnCapacityChange(5, 3, 2), 0);
});
