import assert from 'node:assert/strict';
import { test } from 'node:test';
import { networkAllows, networkList, parseCidr } from './networks.ts';

test('CIDRs are parsed, bare addresses mean one host, nonsense is refused', () => {
  assert.deepEqual(parseCidr('10.0.0.0/8'), { address: '10.0.0.0', prefix: 8, family: 'ipv4' });
  assert.deepEqual(parseCidr('2001:db8::/32'), { address: '2001:db8::', prefix: 32, family: 'ipv6' });
  assert.equal(parseCidr('192.0.2.7')?.prefix, 32);
  for (const bad of [
    '10.0.0.0/33',
    '10.0.0/8',
    'campus',
    '10.0.0.0/8/8',
    '::/129',
    '10.0.0.0/-1',
    '10.0.0.0/',
  ])
    assert.equal(parseCidr(bad), null, bad);
});

test('an address is allowed only inside a listed network; no list allows any', () => {
  const list = networkList(['10.20.0.0/16', '2001:db8::/32']);
  assert.ok(networkAllows(list, '10.20.3.4'));
  assert.ok(networkAllows(list, '::ffff:10.20.3.4'));
  assert.ok(networkAllows(list, '2001:db8::1'));
  assert.ok(!networkAllows(list, '10.21.0.1'));
  assert.ok(!networkAllows(list, '2001:db9::1'));
  assert.ok(!networkAllows(list, 'not an ip'));
  assert.ok(networkAllows(networkList([]), '203.0.113.9'));
});
