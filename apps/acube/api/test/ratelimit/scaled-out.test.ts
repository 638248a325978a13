// Two A-Cube processes on one PostgreSQL and one Redis, as in production behind nginx: the
// rate limit is exact across them, survives Redis dying (per-instance memory, no 5xx, one
// error line), and is shared again once Redis is back.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  createEmptyDatabase,
  type SpawnedApp,
  spawnApp,
  startRedisServer,
  testDbKind,
} from '@campus/platform/testing';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const HOUR = 3600_000;

/** Fixed hourly windows: start well inside one, so the test never straddles two. */
async function awayFromHourBoundary() {
  const left = HOUR - (Date.now() % HOUR);
  if (left < 90_000) await sleep(left + 1000);
}

async function burst(instances: SpawnedApp[], n: number, ip: string) {
  const statuses = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      fetch(`${instances[i % instances.length]?.url}/api/events`, {
        headers: { 'x-forwarded-for': ip },
      }).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      }),
    ),
  );
  const count = (s: number) => statuses.filter((x) => x === s).length;
  return { ok: count(200), limited: count(429), other: statuses.filter((s) => s !== 200 && s !== 429) };
}

async function redisStatus(instance: SpawnedApp) {
  const body = (await (await fetch(`${instance.url}/health/ready`)).json()) as {
    checks: Record<string, { status: string }>;
  };
  return body.checks.redis?.status;
}

const lines = (instance: SpawnedApp, text: string) =>
  instance
    .output()
    .split('\n')
    .filter((l) => l.includes(text));

test('100 requests over two instances under a limit of 25 give exactly 25; Redis down and back', {
  skip: testDbKind() !== 'postgres' && 'the scaled-out shape runs on the PostgreSQL pass',
  timeout: 180_000,
}, async () => {
  const redis = await startRedisServer();
  const db = await createEmptyDatabase('acube_ratelimit');
  const dir = await mkdtemp(join(tmpdir(), 'acube-rl-'));
  const instances: SpawnedApp[] = [];
  try {
    await awayFromHourBoundary();
    const env = (n: number) => ({
      PORT: '0',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      DATA_DIR: join(dir, `i${n}`),
      DEMO_DATA: 'false',
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_PUBLIC: '25/hour',
      LOG_FILE: 'off',
    });
    instances.push(await spawnApp(cli, env(1)), await spawnApp(cli, env(2)));
    const [a, b] = instances as [SpawnedApp, SpawnedApp];

    const before = await redis.commandCalls();
    const shared = await burst(instances, 100, '192.0.2.1');
    assert.deepEqual(shared, { ok: 25, limited: 75, other: [] });
    const after = await redis.commandCalls();
    // EVALSHA, or EVAL the first time a connection runs the script: one call per request.
    const scripts = (after.evalsha ?? 0) - (before.evalsha ?? 0) + (after.eval ?? 0) - (before.eval ?? 0);
    assert.equal(scripts, 100, 'one script call per request, all in Redis');
    assert.equal((after.incr ?? 0) - (before.incr ?? 0), 100);
    assert.equal(after.get ?? 0, before.get ?? 0);

    await redis.stop();
    const alone = await burst(instances, 60, '192.0.2.2');
    assert.deepEqual(alone, { ok: 50, limited: 10, other: [] }, 'each instance enforces 25 on its own');
    for (const instance of instances) {
      assert.equal(await redisStatus(instance), 'degraded');
      assert.equal(lines(instance, 'Redis unavailable').length, 1, 'one error line per instance');
      assert.match(lines(instance, 'Redis unavailable')[0] ?? '', /"level":50/);
    }

    await redis.start();
    for (let i = 0; i < 100 && ((await redisStatus(a)) !== 'up' || (await redisStatus(b)) !== 'up'); i++) {
      await sleep(100);
    }
    assert.equal(await redisStatus(a), 'up');
    assert.equal(await redisStatus(b), 'up');
    const again = await burst(instances, 40, '192.0.2.3');
    assert.deepEqual(again, { ok: 25, limited: 15, other: [] }, 'shared counting resumed');
    for (const instance of instances) {
      assert.equal(lines(instance, 'Redis available again').length, 1);
      assert.equal(lines(instance, 'Redis unavailable').length, 1);
    }
    for (const instance of instances.splice(0)) assert.equal(await instance.stop(), 0);
  } finally {
    for (const instance of instances) await instance.stop('SIGKILL');
    await redis.stop();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
});
