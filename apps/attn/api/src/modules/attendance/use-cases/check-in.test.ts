import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialVerification, isLate } from './check-in.ts';

const opened = 1_767_225_600_000;

test('a check-in is late only past the session’s late-after minutes, and never without them', () => {
  const session = { openedAtMs: opened, lateAfterMinutes: 10 };
  assert.equal(isLate(session, opened + 10 * 60_000), false);
  assert.equal(isLate(session, opened + 10 * 60_000 + 1), true);
  assert.equal(isLate({ openedAtMs: opened, lateAfterMinutes: 0 }, opened + 1), true);
  assert.equal(isLate({ openedAtMs: opened, lateAfterMinutes: null }, opened + 600 * 60_000), false);
});

test('a check-in waits for its selfie check only in a session that asks for a selfie', () => {
  assert.equal(initialVerification({ selfieRequired: true }), 'pending');
  assert.equal(initialVerification({ selfieRequired: false }), 'not_required');
});
