import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSealed, keyedHash, PayloadSealer } from './sealed-payload.ts';

const SECRET = 'a secret of at least thirty-two characters here';

test('a sealed payload opens with the same secret and queue, and holds nothing readable', () => {
  const sealer = new PayloadSealer(SECRET);
  const payload = {
    to: 'ana.yilmaz@example.org',
    values: { name: 'Ana Yılmaz', link: 'https://x/?token=private-link-token-0' },
  };
  const sealed = sealer.seal(payload, 'mail');
  assert.ok(isSealed({ sealed }));
  // Neither the text nor its bytes under the encoding. (Markers of several characters: a short
  // one such as "t0" turns up in random base64 in about one run in thirty.)
  const bytes = Buffer.from(sealed.slice(3), 'base64url');
  for (const plain of ['ana.yilmaz@example.org', 'Yılmaz', 'private-link-token-0', 'token=']) {
    assert.ok(!sealed.includes(plain), plain);
    assert.ok(!bytes.includes(Buffer.from(plain)), `${plain}, encoded`);
  }
  assert.deepEqual(sealer.open(sealed, 'mail'), payload);
  assert.notEqual(sealer.seal(payload, 'mail'), sealed, 'a fresh IV each time');
});

test('another queue, another secret or a changed byte does not open', () => {
  const sealed = new PayloadSealer(SECRET).seal({ a: 1 }, 'mail');
  assert.throws(() => new PayloadSealer(SECRET).open(sealed, 'other'));
  assert.throws(() => new PayloadSealer(`${SECRET}!`).open(sealed, 'mail'));
  const body = sealed.slice(3);
  const flipped = `v1.${body.slice(0, -2)}${body.at(-2) === 'A' ? 'B' : 'A'}${body.at(-1)}`;
  assert.throws(() => new PayloadSealer(SECRET).open(flipped, 'mail'));
  assert.equal(isSealed({ to: 'x' }), false);
});

test('keyed hashes depend on the secret and the purpose', () => {
  const h = keyedHash(SECRET, 'mail-recipient', 'ana@example.org');
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.equal(h, keyedHash(SECRET, 'mail-recipient', 'ana@example.org'));
  assert.notEqual(h, keyedHash(SECRET, 'other', 'ana@example.org'));
  assert.notEqual(h, keyedHash(`${SECRET}!`, 'mail-recipient', 'ana@example.org'));
});
