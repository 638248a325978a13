// Readiness and the Redis fallbacks in /metrics, read from the app's own health checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import parsePrometheus from 'parse-prometheus-text-format';
import { captureLogger } from '../testing/test-app.ts';
import { testConfig } from '../testing/test-config.ts';
import { createServer } from './create-server.ts';
import type { CheckStatus } from './health.ts';

async function server() {
  const app = await createServer({
    config: testConfig(),
    logger: captureLogger().logger,
    openapi: { title: 't', version: '1' },
  });
  const state: { live: CheckStatus; db: 'up' | 'down' } = { live: 'up', db: 'up' };
  app.health.register('live', async () => state.live);
  app.health.register('database', async () => {
    if (state.db === 'down') throw new Error('connection refused');
    return 'up';
  });
  await app.ready();
  const scrape = async () => {
    const res = await app.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    const families = parsePrometheus(res.body);
    return (name: string, label?: [string, string]) => {
      const sample = families
        .find((f) => f.name === name)
        ?.metrics.find((m) => !label || m.labels?.[label[0]] === label[1]);
      return sample ? Number(sample.value) : undefined;
    };
  };
  return { app, state, scrape };
}

test('all up: ready 1, each check up, no Redis user degraded (rate limits in memory by design)', async () => {
  const { app, scrape } = await server();
  const value = await scrape();
  assert.equal(value('health_ready'), 1);
  assert.equal(value('health_check_up', ['check', 'database']), 1);
  assert.equal(value('health_check_up', ['check', 'live']), 1);
  assert.equal(value('redis_degraded', ['user', 'live']), 0);
  assert.equal(value('redis_degraded', ['user', 'rate_limit']), 0);
  await app.close();
});

test('a Redis user on its fallback is 1; a check that is down makes ready 0 (after the cache)', async () => {
  const { app, state, scrape } = await server();
  await scrape();
  state.live = 'degraded';
  state.db = 'down';
  // The first report is kept for 5 s: /metrics answers it.
  assert.equal((await scrape())('health_ready'), 1);
  const fresh = await server();
  fresh.state.live = 'degraded';
  fresh.state.db = 'down';
  const value = await fresh.scrape();
  assert.equal(value('redis_degraded', ['user', 'live']), 1);
  assert.equal(value('redis_degraded', ['user', 'rate_limit']), 0);
  assert.equal(value('health_check_up', ['check', 'live']), 1, 'degraded is still up');
  assert.equal(value('health_check_up', ['check', 'database']), 0);
  assert.equal(value('health_ready'), 0);
  assert.equal((await fresh.app.inject({ url: '/health/ready' })).statusCode, 503, 'the same answer');
  await app.close();
  await fresh.app.close();
});
