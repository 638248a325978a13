// Against a real Redis: TEST_REDIS_URL for fan-out, and a private redis-server (stopped and
// started again) for the outage.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startRedisServer } from '../testing/redis-server.ts';
import { captureLogger } from '../testing/test-app.ts';
import { RedisBroadcaster } from './redis-broadcaster.ts';

const url = process.env.TEST_REDIS_URL;
const skip = !url && 'set TEST_REDIS_URL to a Redis server to run the Redis pub/sub tests';
const skipOutage =
  skip ||
  (!existsSync('/usr/bin/redis-server') &&
    "the outage test needs Debian's redis-server at /usr/bin/redis-server");

async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function subscribers(redisUrl: string, channel: string): Promise<number> {
  const client = new Redis(redisUrl);
  try {
    const reply = (await client.call('pubsub', 'numsub', channel)) as [string, number];
    return Number(reply[1]);
  } finally {
    client.disconnect();
  }
}

const prefix = () => `test-live-${crypto.randomUUID().slice(0, 8)}:`;

test('two instances on one prefix see each other’s messages, each exactly once; another prefix sees none', {
  skip,
}, async () => {
  const p = prefix();
  const logger = captureLogger().logger;
  const a = await RedisBroadcaster.create({ url: url as string, prefix: p, logger });
  const b = await RedisBroadcaster.create({ url: url as string, prefix: p, logger });
  const other = await RedisBroadcaster.create({ url: url as string, prefix: prefix(), logger });
  try {
    const atA: unknown[] = [];
    const atB: unknown[] = [];
    const atOther: unknown[] = [];
    a.subscribe('room', (m) => atA.push(m));
    b.subscribe('room', (m) => atB.push(m));
    other.subscribe('room', (m) => atOther.push(m));
    await until('both subscriptions', async () => (await subscribers(url as string, `${p}live:room`)) === 2);

    a.publish('room', { n: 'x' });
    assert.deepEqual(atA, [{ n: 'x' }], 'delivered locally at once, before Redis');
    await until('B to get x', () => atB.length === 1);
    b.publish('room', { n: 'y' });
    await until('A to get y', () => atA.length === 2);
    assert.deepEqual(atA, [{ n: 'x' }, { n: 'y' }], 'the echo of its own message is not delivered again');
    assert.deepEqual(atB, [{ n: 'x' }, { n: 'y' }]);
    assert.deepEqual(atOther, []);
    assert.equal((await a.check()).status, 'up');
  } finally {
    await Promise.all([a.close(), b.close(), other.close()]);
  }
});

test('the last listener of a channel unsubscribes it in Redis', { skip }, async () => {
  const p = prefix();
  const live = await RedisBroadcaster.create({
    url: url as string,
    prefix: p,
    logger: captureLogger().logger,
  });
  try {
    const off1 = live.subscribe('c', () => {});
    const off2 = live.subscribe('c', () => {});
    await until('the subscription', async () => (await subscribers(url as string, `${p}live:c`)) === 1);
    off1();
    await sleep(100);
    assert.equal(await subscribers(url as string, `${p}live:c`), 1, 'one listener is left');
    off2();
    await until('the unsubscription', async () => (await subscribers(url as string, `${p}live:c`)) === 0);
  } finally {
    await live.close();
  }
});

test('Redis down: publish neither throws nor waits, local listeners still get it, logged once; back: resubscribed, gap told', {
  skip: skipOutage,
  timeout: 60_000,
}, async () => {
  const server = await startRedisServer();
  const p = prefix();
  const logsA = captureLogger();
  const logsB = captureLogger();
  const a = await RedisBroadcaster.create({ url: server.url, prefix: p, logger: logsA.logger });
  const b = await RedisBroadcaster.create({ url: server.url, prefix: p, logger: logsB.logger });
  try {
    const atA: unknown[] = [];
    const atB: unknown[] = [];
    let gaps = 0;
    a.subscribe('room', (m) => atA.push(m), { onGap: () => gaps++ });
    b.subscribe('room', (m) => atB.push(m));
    await until('subscriptions', async () => (await subscribers(server.url, `${p}live:room`)) === 2);

    await server.stop();
    await until('B to notice', async () => (await b.check()).status === 'degraded');
    const started = performance.now();
    for (let i = 0; i < 5; i++) b.publish('room', { i });
    assert.ok(performance.now() - started < 50, 'publishing does not wait for Redis');
    assert.deepEqual(
      atB,
      [0, 1, 2, 3, 4].map((i) => ({ i })),
      'local delivery goes on',
    );
    await sleep(200);
    assert.deepEqual(atA, [], 'other instances are cut off while Redis is down');
    const lost = (logs: Record<string, unknown>[]) =>
      logs.filter((l) => String(l.msg).startsWith('live fan-out lost Redis'));
    assert.equal(lost(logsB.logs).length, 1, 'one error line however many publishes fail');
    assert.equal(lost(logsB.logs)[0]?.level, 50);

    await server.start();
    await until('A to resubscribe', () => gaps === 1, 20_000);
    await until(
      'both subscribed again',
      async () => (await subscribers(server.url, `${p}live:room`)) === 2,
      20_000,
    );
    await until('B up again', async () => (await b.check()).status === 'up', 20_000);
    b.publish('room', { back: true });
    await until('A to get a message again', () => atA.length === 1);
    assert.deepEqual(atA, [{ back: true }]);
    for (const logs of [logsA.logs, logsB.logs]) {
      assert.equal(lost(logs).length, 1);
      assert.equal(logs.filter((l) => String(l.msg).startsWith('live fan-out has Redis back')).length, 1);
    }
  } finally {
    await Promise.all([a.close(), b.close()]);
    await server.stop();
  }
});
