// Where counters live: process memory, or Redis shared by every instance. One interface for the
// rate limiter (fixed-window hits) and for login brute-force protection (failure counts).
import type { RatePolicy } from './policy.ts';

export interface WindowCount {
  /** Hits in this window after the current one. */
  count: number;
  /** When the window ends, epoch ms. */
  resetAt: number;
}

export interface FailureCount {
  count: number;
  /** Epoch ms of the latest failure. */
  lastAt: number;
}

export interface CounterStore {
  /** Counts one hit in every window of the policy for this key; one round trip for all of them. */
  hit(policy: RatePolicy, key: string, nowMs: number): Promise<WindowCount[]>;
  /** Failure counts for the keys (null where none), in one round trip. */
  failures(keys: readonly string[]): Promise<(FailureCount | null)[]>;
  /** Adds a failure to each key; a count is forgotten `ttlSeconds` after its last failure. */
  addFailure(keys: readonly string[], nowMs: number, ttlSeconds: number): Promise<FailureCount[]>;
  clearFailures(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Start of the fixed window that holds `nowMs`, epoch ms. Windows are aligned to the epoch. */
export function windowStart(nowMs: number, seconds: number): number {
  const length = seconds * 1000;
  return Math.floor(nowMs / length) * length;
}
