import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '@campus/web/api/client.ts';
import { refusalOf } from './checkins.api.ts';
import { deviceId } from './device-id.ts';

const refused = (status: number, reason?: string, field?: string) =>
  new ApiError(
    status,
    'X',
    'refused',
    reason ? [{ message: 'refused', reason, ...(field ? { field } : {}) }] : [],
  );

test('a refusal of the code or ticket asks for the code on the screen', () => {
  for (const reason of ['code_invalid', 'code_expired', 'ticket_expired', 'ticket_invalid'])
    assert.deepEqual(refusalOf(refused(422, reason)), { kind: 'code', reason });
  assert.deepEqual(refusalOf(refused(400, undefined)), { kind: 'retry', reason: 'unexpected' });
  const badShape = new ApiError(400, 'VALIDATION', 'bad', [{ field: 'body.code', message: 'bad' }]);
  assert.deepEqual(refusalOf(badShape), { kind: 'code', reason: 'code_invalid' });
});

test('already checked in is its own calm outcome; the rest are final or worth a retry', () => {
  assert.deepEqual(refusalOf(refused(409, 'already_checked_in')), { kind: 'already' });
  assert.deepEqual(refusalOf(refused(403, 'network_not_allowed')), {
    kind: 'final',
    reason: 'network_not_allowed',
  });
  assert.deepEqual(refusalOf(new ApiError(0, 'NETWORK_ERROR', 'offline')), {
    kind: 'retry',
    reason: 'offline',
  });
  const throttled = new ApiError(429, 'RATE_LIMITED', 'slow down', [], undefined, 12);
  assert.deepEqual(refusalOf(throttled), { kind: 'retry', reason: 'throttled', seconds: 12 });
  assert.deepEqual(refusalOf(new Error('boom')), { kind: 'retry', reason: 'unexpected' });
});

test('the device id is 32 hex characters and stays the same', () => {
  const id = deviceId();
  assert.match(id, /^[0-9a-f]{32}$/);
  assert.equal(deviceId(), id);
});
