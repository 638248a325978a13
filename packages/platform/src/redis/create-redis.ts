// One ioredis client per process, set to fail fast: no offline queue and a short command
// timeout, so a dead or hung Redis turns into an error the caller falls back from at once,
// never into a request that waits. It reconnects by itself, with back-off, forever.
import { Redis } from 'ioredis';

export interface RedisOptions {
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export function createRedis(url: string, opts: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    maxRetriesPerRequest: 0,
    commandTimeout: opts.commandTimeoutMs ?? 500,
    connectTimeout: opts.connectTimeoutMs ?? 2000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000),
  });
  // Connection errors are reported by the callers that fall back; an unhandled 'error' event
  // would end the process.
  redis.on('error', () => {});
  return redis;
}

/** Connects, or rejects after the connect timeout; the client keeps retrying either way. */
export async function connectRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return;
  await redis.connect();
}
