// The live plugin on a real listening server (inject buffers whole responses): events with ids,
// heartbeats, the end of a stream when the client leaves, and when the server shuts down.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServer } from '../http/create-server.ts';
import { captureLogger } from '../testing/test-app.ts';
import { testConfig } from '../testing/test-config.ts';
import { EventStreamClient } from './event-stream-client.ts';
import { livePlugin } from './live-plugin.ts';

async function startServer() {
  const { logger, logs } = captureLogger();
  const config = testConfig();
  const app = await createServer({ config, logger, openapi: { title: 't', version: '1' } });
  await app.register(livePlugin, { redisUrl: undefined, redisPrefix: 'test:', logger });
  let unsubscribed = 0;
  app.get<{ Params: { room: string } }>(
    '/rooms/:room',
    { config: { rateLimit: 'unlimited', access: 'public' } },
    async (request, reply) => {
      const stream = app.live.stream(request, reply, { heartbeatMs: 50 });
      const off = app.live.subscribe(request.params.room, (m) => stream.send('said', m));
      stream.onClose(() => {
        off();
        unsubscribed++;
      });
      stream.send('ready', { room: request.params.room });
    },
  );
  app.get('/short', { config: { rateLimit: 'unlimited', access: 'public' } }, async (request, reply) => {
    const stream = app.live.stream(request, reply, { maxDurationMs: 100 });
    let refused = '';
    try {
      stream.send('two\nlines', 1);
    } catch (err) {
      refused = (err as Error).message;
    }
    stream.send('refused', { message: refused });
  });
  app.get('/slow', { config: { rateLimit: 'unlimited', access: 'public' } }, async (request, reply) => {
    await sleep(300);
    const stream = app.live.stream(request, reply);
    stream.onClose(() => unsubscribed++);
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base, logs, unsubscribed: () => unsubscribed };
}

async function until(what: string, cond: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

test('a stream is text/event-stream with the hooks’ headers, numbered events and heartbeats', async () => {
  const { app, base } = await startServer();
  try {
    const res = await fetch(`${base}/rooms/r1`, { headers: { 'x-request-id': 'req-live-1' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache, no-transform');
    assert.equal(res.headers.get('x-request-id'), 'req-live-1');
    assert.ok(res.headers.get('content-security-policy'), 'security headers are kept');
    const events = new EventStreamClient(res);
    assert.deepEqual(await events.next(), { kind: 'comment', text: 'connected' });
    assert.deepEqual(await events.nextEvent(), {
      kind: 'event',
      id: '1',
      event: 'ready',
      data: '{"room":"r1"}',
    });
    app.live.publish('r2', { text: 'elsewhere' });
    app.live.publish('r1', { text: 'hello' });
    assert.deepEqual(await events.nextEvent(), {
      kind: 'event',
      id: '2',
      event: 'said',
      data: '{"text":"hello"}',
    });
    assert.deepEqual(await events.next(), { kind: 'comment', text: 'heartbeat' });
    await events.close();
  } finally {
    await app.close();
  }
});

test('a client that hangs up ends its stream: its listener is removed', async () => {
  const { app, base, unsubscribed } = await startServer();
  try {
    const controller = new AbortController();
    const res = await fetch(`${base}/rooms/r1`, { signal: controller.signal });
    const events = new EventStreamClient(res);
    await events.nextEvent();
    assert.equal(app.live.openStreams, 1);
    controller.abort();
    await until('the stream to end on the server', () => app.live.openStreams === 0);
    assert.equal(unsubscribed(), 1);
  } finally {
    await app.close();
  }
});

test('app.close() ends open streams at once instead of waiting for their clients', async () => {
  const { app, base, logs, unsubscribed } = await startServer();
  const clients = await Promise.all(
    [1, 2, 3].map(async () => {
      const client = new EventStreamClient(await fetch(`${base}/rooms/r9`));
      await client.nextEvent();
      return client;
    }),
  );
  assert.equal(app.live.openStreams, 3);
  const started = performance.now();
  await app.close();
  assert.ok(performance.now() - started < 2000, `closed in ${Math.round(performance.now() - started)} ms`);
  for (const client of clients) assert.equal(await client.ended(2000), true, 'the client sees the end');
  assert.equal(unsubscribed(), 3);
  assert.equal(logs.filter((l) => l.msg === 'live stream ended').length, 3);
});

test('/health/ready reports the live fan-out', async () => {
  const { app } = await startServer();
  try {
    const res = await app.inject({ url: '/health/ready' });
    assert.equal(res.json().checks.live.status, 'up');
  } finally {
    await app.close();
  }
});

test('a stream ends after its longest duration, and an event name cannot break the framing', async () => {
  const { app, base } = await startServer();
  try {
    const events = new EventStreamClient(await fetch(`${base}/short`));
    const refused = await events.nextEvent();
    assert.deepEqual(JSON.parse(refused?.data ?? ''), { message: 'not an event name: "two\\nlines"' });
    assert.equal(refused?.id, '1', 'the refused event used no id');
    assert.equal(await events.ended(2000), true);
    assert.equal(app.live.openStreams, 0);
  } finally {
    await app.close();
  }
});

test('a client that leaves before its stream opens leaves no stream behind', async () => {
  const { app, base, unsubscribed } = await startServer();
  try {
    const controller = new AbortController();
    const pending = fetch(`${base}/slow`, { signal: controller.signal }).catch(() => 'aborted');
    await sleep(100);
    controller.abort();
    assert.equal(await pending, 'aborted');
    await until('the handler to finish', () => unsubscribed() === 1);
    assert.equal(app.live.openStreams, 0);
  } finally {
    await app.close();
  }
});
