import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  availability,
  decidePlace,
  freePlaces,
  promotionsOnCancellation,
  promotionsOnCapacityChange,
  queuePlace,
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

test('places left are the capacity less the confirmed, never below zero; the waiting are counted as they are', () => {
  assert.deepEqual(availability(10, { confirmed: 0, waiting: 0 }), { placesLeft: 10, waiting: 0 });
  assert.deepEqual(availability(10, { confirmed: 7, waiting: 0 }), { placesLeft: 3, waiting: 0 });
  assert.deepEqual(availability(10, { confirmed: 10, waiting: 4 }), { placesLeft: 0, waiting: 4 });
  assert.deepEqual(
    availability(3, { confirmed: 5, waiting: 2 }),
    { placesLeft: 0, waiting: 2 },
    'a capacity lowered below the confirmed shows none left, not a negative number',
  );
});

test('a place in the queue counts the people still ahead, whatever gaps the stored positions have', () => {
  assert.equal(queuePlace(0), 1);
  assert.equal(queuePlace(4), 5);
});
