// The job gauges on a registry of their own, fed by a stand-in read: names, labels and values,
// the cache between scrapes, and a database that fails or hangs never failing the scrape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import parsePrometheus from 'parse-prometheus-text-format';
import { Registry } from 'prom-client';
import { type QueueCounts, registerJobMetrics } from './job-metrics.ts';

const mail: QueueCounts = {
  queue: 'mail',
  queued: 4,
  active: 1,
  failed: 2,
  failedLastHour: 1,
  deadLetter: 2,
  oldestQueuedSeconds: 93.5,
};
const bulk: QueueCounts = { ...mail, queue: 'bulk', queued: 0, active: 0, oldestQueuedSeconds: 0 };

function setUp(read: () => Promise<QueueCounts[]>, opts: { timeoutMs?: number } = {}) {
  const registry = new Registry();
  let now = 1_000_000;
  const logs: string[] = [];
  const logger = {
    warn: (_o: object, msg: string) => void logs.push(`warn ${msg}`),
    info: (_o: object, msg: string) => void logs.push(`info ${msg}`),
  };
  registerJobMetrics(registry, { read, nowMs: () => now, cacheMs: 5000, logger, ...opts });
  const scrape = async () => {
    const families = parsePrometheus(await registry.metrics());
    const value = (name: string, queue?: string) => {
      const family = families.find((f) => f.name === name);
      const sample = family?.metrics.find((m) => queue === undefined || m.labels?.queue === queue);
      return sample ? Number(sample.value) : undefined;
    };
    return { families, value };
  };
  const advance = (ms: number) => {
    now += ms;
  };
  return { scrape, logs, advance };
}

test('each queue has its counts and oldest age as gauges labelled by queue', async () => {
  const { scrape } = setUp(async () => [mail, bulk]);
  const { families, value } = await scrape();
  assert.equal(value('jobs_metrics_up'), 1);
  assert.equal(value('jobs_queued', 'mail'), 4);
  assert.equal(value('jobs_active', 'mail'), 1);
  assert.equal(value('jobs_failed', 'mail'), 2);
  assert.equal(value('jobs_failed_last_hour', 'mail'), 1);
  assert.equal(value('jobs_dead_letter', 'mail'), 2);
  assert.equal(value('jobs_oldest_queued_age_seconds', 'mail'), 93.5);
  assert.equal(value('jobs_queued', 'bulk'), 0);
  for (const name of ['jobs_queued', 'jobs_oldest_queued_age_seconds']) {
    const family = families.find((f) => f.name === name);
    assert.equal(family?.type, 'GAUGE');
    assert.deepEqual(family?.metrics.map((m) => m.labels?.queue).sort(), ['bulk', 'mail']);
  }
});

test('scrapes within the cache time share one read; a later one reads again', async () => {
  let reads = 0;
  const { scrape, advance } = setUp(async () => {
    reads++;
    return [{ ...mail, queued: reads }];
  });
  assert.equal((await scrape()).value('jobs_queued', 'mail'), 1);
  advance(4000);
  assert.equal((await scrape()).value('jobs_queued', 'mail'), 1);
  assert.equal(reads, 1, 'six gauges and two scrapes, one query');
  advance(1500);
  assert.equal((await scrape()).value('jobs_queued', 'mail'), 2);
  assert.equal(reads, 2);
});

test('a failing database leaves the job series out and says jobs_metrics_up 0; the scrape still succeeds', async () => {
  let down = true;
  const { scrape, advance, logs } = setUp(async () => {
    if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    return [mail];
  });
  const first = await scrape();
  assert.equal(first.value('jobs_metrics_up'), 0);
  assert.equal(first.value('jobs_queued'), undefined);
  assert.equal(first.value('jobs_oldest_queued_age_seconds'), undefined);
  advance(6000);
  await scrape();
  assert.deepEqual(logs, ['warn job metrics unreadable'], 'told once, not at every scrape');
  down = false;
  advance(6000);
  const back = await scrape();
  assert.equal(back.value('jobs_metrics_up'), 1);
  assert.equal(back.value('jobs_queued', 'mail'), 4);
  assert.deepEqual(logs, ['warn job metrics unreadable', 'info job metrics readable again']);
});

test('a read that hangs is given up after the timeout', async () => {
  const { scrape } = setUp(() => new Promise(() => {}), { timeoutMs: 30 });
  const started = performance.now();
  const { value } = await scrape();
  assert.ok(performance.now() - started < 1000);
  assert.equal(value('jobs_metrics_up'), 0);
  assert.equal(value('jobs_queued'), undefined);
});
