// The page's solver finds the number the server hid, and sends it as the server reads it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { encodeSolution, solveChallenge } from './bot-check-solver.ts';

const challengeFor = (salt: string, n: number) => createHash('sha256').update(`${salt}${n}`).digest('hex');

test('the solver finds the hidden number below maxnumber, and none when it is above', async () => {
  const salt = '5f1c0a9e2b7d?expires=1800000000&';
  const c = {
    algorithm: 'SHA-256' as const,
    challenge: challengeFor(salt, 1234),
    maxnumber: 5000,
    salt,
    signature: 'f'.repeat(64),
  };
  assert.equal(await solveChallenge(c), 1234);
  assert.equal(await solveChallenge({ ...c, maxnumber: 1000 }), null);
});

test('the solution travels as base64 of ALTCHA JSON payload', () => {
  const c = {
    algorithm: 'SHA-256' as const,
    challenge: 'a'.repeat(64),
    maxnumber: 10,
    salt: 's?expires=1&',
    signature: 'b'.repeat(64),
  };
  assert.deepEqual(JSON.parse(Buffer.from(encodeSolution(c, 7), 'base64').toString()), {
    algorithm: 'SHA-256',
    challenge: 'a'.repeat(64),
    number: 7,
    salt: 's?expires=1&',
    signature: 'b'.repeat(64),
  });
});
