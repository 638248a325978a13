// The counter store for this process: memory on the embedded default; Redis, with memory as
// its fallback, when REDIS_URL is set. Reports itself to /health/ready.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.ts';
import { MemoryStore } from './memory-store.ts';
import { RedisStore } from './redis-store.ts';
import { ResilientStore } from './resilient-store.ts';
import type { CounterStore } from './store.ts';

export interface CounterStoreHandle {
  store: CounterStore;
  redis: Redis | undefined;
  /** For /health/ready: 'up', or 'degraded' while counting in memory because Redis failed. */
  check(): Promise<{ status: 'up' | 'degraded'; note?: string }>;
  close(): Promise<void>;
}

export async function createCounterStore(opts: {
  redisUrl: string | undefined;
  redisPrefix: string;
  logger: Logger;
  clock: Clock;
}): Promise<CounterStoreHandle> {
  const memory = new MemoryStore(() => opts.clock.nowMs());
  if (!opts.redisUrl) {
    return {
      store: memory,
      redis: undefined,
      check: async () => ({ status: 'up', note: 'counting in process memory (no REDIS_URL)' }),
      close: () => memory.close(),
    };
  }
  // Loaded only when used: the embedded default starts without the Redis client.
  const { connectRedis, createRedis } = await import('../redis/create-redis.ts');
  const redis = createRedis(opts.redisUrl);
  const store = new ResilientStore({
    primary: new RedisStore(redis, opts.redisPrefix),
    fallback: memory,
    redis,
    logger: opts.logger,
  });
  let closing = false;
  redis.on('close', () => {
    if (!closing) store.markDown(new Error('connection to Redis lost'));
  });
  try {
    await connectRedis(redis);
  } catch (err) {
    store.markDown(err);
  }
  return {
    store,
    redis,
    async check() {
      if (!store.degraded) {
        try {
          await redis.ping();
        } catch (err) {
          store.markDown(err);
        }
      }
      return store.degraded
        ? { status: 'degraded', note: 'Redis unavailable: counting in this process memory' }
        : { status: 'up' };
    },
    async close() {
      closing = true;
      await store.close();
      redis.disconnect();
    },
  };
}
