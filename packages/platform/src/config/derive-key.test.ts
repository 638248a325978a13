import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveKey } from './derive-key.ts';

test('each purpose gets its own key, and the same inputs give the same key', () => {
  const secret = 'a-root-secret-that-is-long-enough-for-tests';
  const jwt = deriveKey(secret, 'jwt');
  assert.equal(jwt.length, 32);
  assert.deepEqual(deriveKey(secret, 'jwt'), jwt);
  assert.notDeepEqual(deriveKey(secret, 'csrf'), jwt);
  assert.notDeepEqual(deriveKey(`${secret}x`, 'jwt'), jwt);
  assert.equal(deriveKey(secret, 'x', 64).length, 64);
});
