import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captureLogger } from '../testing/test-app.ts';
import { LocalBroadcaster } from './local-broadcaster.ts';

test('a message reaches the listeners of its channel only, as a JSON copy', () => {
  const live = new LocalBroadcaster({ logger: captureLogger().logger });
  const a: unknown[] = [];
  const b: unknown[] = [];
  live.subscribe('a', (m) => a.push(m));
  live.subscribe('b', (m) => b.push(m));
  const at = new Date('2025-01-02T03:04:05Z');
  live.publish('a', { at, n: 1 });
  assert.deepEqual(a, [{ at: '2025-01-02T03:04:05.000Z', n: 1 }]);
  assert.deepEqual(b, []);
});

test('unsubscribing stops delivery, twice is harmless, and other listeners keep theirs', () => {
  const live = new LocalBroadcaster({ logger: captureLogger().logger });
  const first: unknown[] = [];
  const second: unknown[] = [];
  const off = live.subscribe('c', (m) => first.push(m));
  live.subscribe('c', (m) => second.push(m));
  live.publish('c', 1);
  off();
  off();
  live.publish('c', 2);
  assert.deepEqual(first, [1]);
  assert.deepEqual(second, [1, 2]);
});

test('a listener that throws is logged and neither the publisher nor the other listeners notice', () => {
  const { logger, logs } = captureLogger();
  const live = new LocalBroadcaster({ logger });
  const got: unknown[] = [];
  live.subscribe('d', () => {
    throw new Error('listener bug');
  });
  live.subscribe('d', (m) => got.push(m));
  assert.doesNotThrow(() => live.publish('d', 'x'));
  assert.deepEqual(got, ['x']);
  assert.equal(logs.filter((l) => l.msg === 'live listener failed' && l.channel === 'd').length, 1);
});

test('health reports the in-process shape as up', async () => {
  const live = new LocalBroadcaster({ logger: captureLogger().logger });
  assert.equal((await live.check()).status, 'up');
});
