// Redis first, process memory when Redis fails: a Redis outage never turns into a 5xx. The
// switch is logged once at error, and the way back once at info; while down, a probe (PING,
// once a second) notices recovery, so requests never wait on a dead server.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { MemoryStore } from './memory-store.ts';
import type { RatePolicy } from './policy.ts';
import type { RedisStore } from './redis-store.ts';
import type { CounterStore, FailureCount, WindowCount } from './store.ts';

export class ResilientStore implements CounterStore {
  readonly #primary: RedisStore;
  readonly #fallback: MemoryStore;
  readonly #redis: Redis;
  readonly #logger: Logger;
  readonly #probeEveryMs: number;
  #down = false;
  #since = 0;
  #probe: NodeJS.Timeout | undefined;

  constructor(opts: {
    primary: RedisStore;
    fallback: MemoryStore;
    redis: Redis;
    logger: Logger;
    probeEveryMs?: number;
  }) {
    this.#primary = opts.primary;
    this.#fallback = opts.fallback;
    this.#redis = opts.redis;
    this.#logger = opts.logger;
    this.#probeEveryMs = opts.probeEveryMs ?? 1000;
  }

  /** True while counters are kept in memory because Redis failed. */
  get degraded(): boolean {
    return this.#down;
  }

  /** When the fallback started, epoch ms (0 when up). */
  get degradedSince(): number {
    return this.#since;
  }

  hit(policy: RatePolicy, key: string, nowMs: number): Promise<WindowCount[]> {
    return this.#run(
      () => this.#primary.hit(policy, key, nowMs),
      () => this.#fallback.hit(policy, key, nowMs),
    );
  }

  failures(keys: readonly string[]): Promise<(FailureCount | null)[]> {
    return this.#run(
      () => this.#primary.failures(keys),
      () => this.#fallback.failures(keys),
    );
  }

  addFailure(keys: readonly string[], nowMs: number, ttlSeconds: number): Promise<FailureCount[]> {
    return this.#run(
      () => this.#primary.addFailure(keys, nowMs, ttlSeconds),
      () => this.#fallback.addFailure(keys, nowMs, ttlSeconds),
    );
  }

  async clearFailures(key: string): Promise<void> {
    await this.#fallback.clearFailures(key);
    await this.#run(
      () => this.#primary.clearFailures(key),
      async () => {},
    );
  }

  /** Marks Redis as failed from outside (e.g. it was unreachable at start-up). */
  markDown(err: unknown): void {
    if (this.#down) return;
    this.#down = true;
    this.#since = Date.now();
    this.#logger.error(
      { err: err instanceof Error ? { message: err.message, name: err.name } : err },
      'Redis unavailable: rate limits and login counters fall back to this process memory',
    );
    this.#probe = setInterval(() => void this.#tryRecover(), this.#probeEveryMs);
    this.#probe.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.#probe);
    await this.#fallback.close();
  }

  async #run<T>(primary: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (this.#down) return fallback();
    try {
      return await primary();
    } catch (err) {
      this.markDown(err);
      return fallback();
    }
  }

  async #tryRecover(): Promise<void> {
    if (!this.#down || this.#redis.status !== 'ready') return;
    try {
      await this.#redis.ping();
    } catch {
      return;
    }
    if (!this.#down) return;
    clearInterval(this.#probe);
    this.#probe = undefined;
    this.#down = false;
    this.#logger.info(
      { downForMs: Date.now() - this.#since },
      'Redis available again: rate limits and login counters are shared again',
    );
    this.#since = 0;
  }
}
