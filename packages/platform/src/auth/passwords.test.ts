import assert from 'node:assert/strict';
import { test } from 'node:test';
import argon2 from 'argon2';
import { OWASP_ARGON2ID, PasswordHasher } from './passwords.ts';

test('hashes are argon2id with OWASP parameters and verify only the right password', async () => {
  const hasher = new PasswordHasher();
  const hash = await hasher.hash('s3cret passphrase');
  assert.match(hash, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  assert.deepEqual(await hasher.verify(hash, 's3cret passphrase'), { ok: true });
  assert.deepEqual(await hasher.verify(hash, 'S3cret passphrase'), { ok: false });
  assert.deepEqual(await hasher.verify('not a hash', 'x'), { ok: false });
});

test('a right password under older parameters comes back with a new hash', async () => {
  const old = new PasswordHasher({ memoryCost: 4096, timeCost: 1, parallelism: 1 });
  const hash = await old.hash('pw');
  const result = await new PasswordHasher().verify(hash, 'pw');
  assert.equal(result.ok, true);
  assert.ok(result.rehash);
  assert.equal(argon2.needsRehash(result.rehash, OWASP_ARGON2ID), false);
  assert.deepEqual(await new PasswordHasher().verify(hash, 'wrong'), { ok: false }, 'no rehash on failure');
});

test('an unknown user is checked against a dummy hash with the same parameters', async () => {
  const hasher = new PasswordHasher();
  assert.deepEqual(await hasher.verify(null, 'anything'), { ok: false });
  const dummy = await hasher.dummyHash();
  assert.equal(argon2.needsRehash(dummy, OWASP_ARGON2ID), false, 'same cost as a real hash');
});

test('at most `concurrency` hashes run at once; the others wait their turn and all finish right', async () => {
  const fast = { memoryCost: 4096, timeCost: 1, parallelism: 1 };
  const hasher = new PasswordHasher(fast, 2);
  const hash = await hasher.hash('pw');
  let most = 0;
  let sampling = true;
  const sample = () => {
    most = Math.max(most, hasher.active);
    if (sampling) setImmediate(sample);
  };
  sample();
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) => hasher.verify(i % 2 ? hash : null, i % 4 === 1 ? 'pw' : 'no')),
  );
  sampling = false;
  assert.equal(most, 2, 'two at once, never more');
  assert.deepEqual(
    results.map((r) => r.ok),
    [false, true, false, false, false, true, false, false],
  );
  assert.equal(hasher.active, 0);
});
