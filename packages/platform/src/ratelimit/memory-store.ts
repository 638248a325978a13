// Counters in this process's memory: the embedded default, and the fallback when Redis fails.
// Expired entries are swept every minute so memory stays bounded by live keys.
import type { RatePolicy } from './policy.ts';
import { type CounterStore, type FailureCount, type WindowCount, windowStart } from './store.ts';

interface Entry {
  count: number;
  lastAt: number;
  expiresAt: number;
}

export class MemoryStore implements CounterStore {
  readonly #entries = new Map<string, Entry>();
  readonly #sweeper: NodeJS.Timeout;
  readonly #now: () => number;

  constructor(now: () => number = Date.now, sweepEveryMs = 60_000) {
    this.#now = now;
    this.#sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.#sweeper.unref();
  }

  get size(): number {
    return this.#entries.size;
  }

  async hit(policy: RatePolicy, key: string, nowMs: number): Promise<WindowCount[]> {
    return policy.windows.map((window) => {
      const start = windowStart(nowMs, window.seconds);
      const resetAt = start + window.seconds * 1000;
      const id = `rl:${policy.name}:${window.seconds}:${start}:${key}`;
      const entry = this.#live(id, nowMs) ?? { count: 0, lastAt: nowMs, expiresAt: resetAt };
      entry.count += 1;
      this.#entries.set(id, entry);
      return { count: entry.count, resetAt };
    });
  }

  async failures(keys: readonly string[]): Promise<(FailureCount | null)[]> {
    const nowMs = this.#now();
    return keys.map((key) => {
      const entry = this.#live(`bf:${key}`, nowMs);
      return entry ? { count: entry.count, lastAt: entry.lastAt } : null;
    });
  }

  async addFailure(keys: readonly string[], nowMs: number, ttlSeconds: number): Promise<FailureCount[]> {
    return keys.map((key) => {
      const id = `bf:${key}`;
      const entry = this.#live(id, nowMs) ?? { count: 0, lastAt: nowMs, expiresAt: 0 };
      entry.count += 1;
      entry.lastAt = nowMs;
      entry.expiresAt = nowMs + ttlSeconds * 1000;
      this.#entries.set(id, entry);
      return { count: entry.count, lastAt: entry.lastAt };
    });
  }

  async clearFailures(key: string): Promise<void> {
    this.#entries.delete(`bf:${key}`);
  }

  sweep(nowMs = this.#now()): void {
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= nowMs) this.#entries.delete(id);
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#entries.clear();
  }

  #live(id: string, nowMs: number): Entry | undefined {
    const entry = this.#entries.get(id);
    if (entry && entry.expiresAt <= nowMs) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry;
  }
}
