import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConnectionUnavailable } from './unavailable.ts';

function withCode(message: string, code: string) {
  return Object.assign(new Error(message), { code });
}

test('a refused, dropped or timed-out database connection counts as unavailable, through causes', () => {
  assert.ok(isConnectionUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')));
  assert.ok(isConnectionUnavailable(new Error('Connection terminated unexpectedly')));
  assert.ok(isConnectionUnavailable(new Error('timeout exceeded when trying to connect')));
  assert.ok(
    isConnectionUnavailable(withCode('terminating connection due to administrator command', '57P01')),
  );
  assert.ok(isConnectionUnavailable(withCode('the database system is starting up', '57P03')));
  assert.ok(isConnectionUnavailable(withCode('connection failure', '08006')));
  // Drizzle wraps the driver's error: "Failed query: ..." with the real one as its cause.
  const wrapped = new Error('Failed query: select 1', { cause: new Error('Connection terminated') });
  assert.ok(isConnectionUnavailable(wrapped));
  // node's net errors for several addresses come as an AggregateError.
  assert.ok(isConnectionUnavailable(new AggregateError([withCode('x', 'ECONNREFUSED')], 'connect failed')));
});

test('errors of the request or of our code are not "unavailable"', () => {
  assert.equal(isConnectionUnavailable(withCode('duplicate key value', '23505')), false);
  assert.equal(isConnectionUnavailable(withCode('syntax error', '42601')), false);
  assert.equal(isConnectionUnavailable(new TypeError('x is undefined')), false);
  assert.equal(isConnectionUnavailable(new Error('Failed query', { cause: withCode('no', '23503') })), false);
  assert.equal(isConnectionUnavailable(undefined), false);
  assert.equal(isConnectionUnavailable('Connection terminated'), false);
});
