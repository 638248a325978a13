// Counters in Redis, shared by every instance. Each operation is ONE script call (EVALSHA), so
// a request costs one round trip however many windows its policy has.
import type { Redis } from 'ioredis';
import type { RatePolicy } from './policy.ts';
import { type CounterStore, type FailureCount, type WindowCount, windowStart } from './store.ts';

// KEYS: one counter per window; ARGV: each window's length in seconds. Returns the counts.
const HIT = `
local counts = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, ARGV[i]) end
  counts[i] = count
end
return counts`;

// KEYS: failure hashes; ARGV: now (ms), ttl (s). Returns count, last, count, last, ...
const ADD_FAILURE = `
local out = {}
for i, key in ipairs(KEYS) do
  out[2 * i - 1] = redis.call('HINCRBY', key, 'c', 1)
  redis.call('HSET', key, 'l', ARGV[1])
  redis.call('EXPIRE', key, ARGV[2])
  out[2 * i] = tonumber(ARGV[1])
end
return out`;

// KEYS: failure hashes. Returns count, last, ... (false where absent).
const GET_FAILURES = `
local out = {}
for i, key in ipairs(KEYS) do
  local v = redis.call('HMGET', key, 'c', 'l')
  out[2 * i - 1] = v[1]
  out[2 * i] = v[2]
end
return out`;

type Reply = (string | number | null)[];
interface ScriptedRedis extends Redis {
  campusHit(...args: (string | number)[]): Promise<number[]>;
  campusAddFailure(...args: (string | number)[]): Promise<Reply>;
  campusGetFailures(...args: (string | number)[]): Promise<Reply>;
}

export class RedisStore implements CounterStore {
  readonly #redis: ScriptedRedis;
  readonly #prefix: string;

  /** `prefix` keeps apps sharing one Redis apart, e.g. "acube:". The client stays the caller's. */
  constructor(redis: Redis, prefix: string) {
    this.#prefix = prefix;
    if (!('campusHit' in redis)) {
      redis.defineCommand('campusHit', { lua: HIT });
      redis.defineCommand('campusAddFailure', { lua: ADD_FAILURE });
      redis.defineCommand('campusGetFailures', { lua: GET_FAILURES });
    }
    this.#redis = redis as ScriptedRedis;
  }

  async hit(policy: RatePolicy, key: string, nowMs: number): Promise<WindowCount[]> {
    const keys: string[] = [];
    const ttls: number[] = [];
    const resets: number[] = [];
    for (const window of policy.windows) {
      const start = windowStart(nowMs, window.seconds);
      keys.push(`${this.#prefix}rl:${policy.name}:${window.seconds}:${start}:${key}`);
      ttls.push(window.seconds);
      resets.push(start + window.seconds * 1000);
    }
    const counts = await this.#redis.campusHit(keys.length, ...keys, ...ttls);
    return counts.map((count, i) => ({ count: Number(count), resetAt: resets[i] ?? nowMs }));
  }

  async failures(keys: readonly string[]): Promise<(FailureCount | null)[]> {
    if (keys.length === 0) return [];
    const reply = await this.#redis.campusGetFailures(keys.length, ...keys.map((k) => this.#failureKey(k)));
    return keys.map((_, i) => {
      const count = reply[2 * i];
      const lastAt = reply[2 * i + 1];
      return count == null || lastAt == null ? null : { count: Number(count), lastAt: Number(lastAt) };
    });
  }

  async addFailure(keys: readonly string[], nowMs: number, ttlSeconds: number): Promise<FailureCount[]> {
    if (keys.length === 0) return [];
    const reply = await this.#redis.campusAddFailure(
      keys.length,
      ...keys.map((k) => this.#failureKey(k)),
      nowMs,
      ttlSeconds,
    );
    return keys.map((_, i) => ({ count: Number(reply[2 * i]), lastAt: Number(reply[2 * i + 1]) }));
  }

  async clearFailures(key: string): Promise<void> {
    await this.#redis.del(this.#failureKey(key));
  }

  async close(): Promise<void> {}

  #failureKey(key: string): string {
    return `${this.#prefix}bf:${key}`;
  }
}
