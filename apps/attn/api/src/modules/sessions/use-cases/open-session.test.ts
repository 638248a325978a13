import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invalidNetworks } from './open-session.ts';

test('every allowed network that is not a CIDR is named by its place in the list', () => {
  assert.deepEqual(invalidNetworks(['10.0.0.0/8', ' 192.168.1.7 ', '2001:db8::/32']), []);
  assert.deepEqual(invalidNetworks(['10.0.0.0/8', 'campus wifi', '10.0.0.0/33']), [
    { field: 'body.allowed_networks.1', message: '"campus wifi" is not a CIDR' },
    { field: 'body.allowed_networks.2', message: '"10.0.0.0/33" is not a CIDR' },
  ]);
});
