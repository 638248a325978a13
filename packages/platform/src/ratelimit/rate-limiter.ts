// Checks a request against its named policy and says what to answer: the X-RateLimit-* fields
// for the window closest to its limit, the IETF RateLimit/RateLimit-Policy fields (draft-ietf-
// httpapi-ratelimit-headers-11) with one item per window, and, over the limit, the window that
// was exceeded and how long to wait.
import type { Clock } from '../clock/clock.ts';
import { PolicySyntaxError, parsePolicy, type RatePolicy, type RateWindow } from './policy.ts';
import type { CounterStore, WindowCount } from './store.ts';

export interface RateLimitOutcome {
  allowed: boolean;
  headers: Record<string, string>;
  /** Set when refused: the exceeded window (the one that frees up last). */
  exceeded?: RateWindow;
  retryAfterSeconds?: number;
}

export class UnknownPolicyError extends Error {}

export class RateLimiter {
  readonly policies: ReadonlyMap<string, RatePolicy>;
  readonly store: CounterStore;
  readonly #clock: Clock;

  /**
   * `defaults` are the app's policies ({ public: '10/minute;30/hour' }); `overrides` come from
   * RATE_LIMIT_<POLICY> (lower-case names) and must each name a known policy.
   */
  constructor(opts: {
    defaults: Readonly<Record<string, string>>;
    overrides?: Readonly<Record<string, string>>;
    store: CounterStore;
    clock: Clock;
  }) {
    const overrides = opts.overrides ?? {};
    const unknown = Object.keys(overrides).filter((name) => !(name in opts.defaults));
    if (unknown.length > 0) {
      throw new UnknownPolicyError(
        `${unknown.map((n) => `RATE_LIMIT_${n.toUpperCase()}`).join(', ')} names no policy of this app ` +
          `(policies: ${Object.keys(opts.defaults).join(', ')})`,
      );
    }
    const policies = new Map<string, RatePolicy>();
    for (const [name, text] of Object.entries(opts.defaults)) {
      try {
        policies.set(name, parsePolicy(name, overrides[name] ?? text));
      } catch (err) {
        if (err instanceof PolicySyntaxError) throw new PolicySyntaxError(`policy "${name}": ${err.message}`);
        throw err;
      }
    }
    this.policies = policies;
    this.store = opts.store;
    this.#clock = opts.clock;
  }

  async check(policyName: string, key: string): Promise<RateLimitOutcome> {
    const policy = this.policies.get(policyName);
    if (!policy) throw new UnknownPolicyError(`no rate-limit policy named "${policyName}"`);
    const nowMs = this.#clock.nowMs();
    const counts = await this.store.hit(policy, key, nowMs);
    return outcome(policy, counts, nowMs);
  }
}

export function outcome(policy: RatePolicy, counts: WindowCount[], nowMs: number): RateLimitOutcome {
  const rows = policy.windows.map((window, i) => {
    const count = counts[i] ?? { count: 0, resetAt: nowMs };
    return {
      window,
      remaining: Math.max(0, window.limit - count.count),
      over: count.count > window.limit,
      resetSeconds: Math.max(1, Math.ceil((count.resetAt - nowMs) / 1000)),
      resetAt: count.resetAt,
    };
  });
  // Closest to its limit: least remaining; on a tie, the one that frees up last.
  let closest = rows[0];
  for (const row of rows) {
    if (
      !closest ||
      row.remaining < closest.remaining ||
      (row.remaining === closest.remaining && row.resetAt > closest.resetAt)
    ) {
      closest = row;
    }
  }
  if (!closest) return { allowed: true, headers: {} };
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(closest.window.limit),
    'x-ratelimit-remaining': String(closest.remaining),
    'x-ratelimit-reset': String(Math.ceil(closest.resetAt / 1000)),
    'ratelimit-policy': policyField(policy),
    ratelimit: rows.map((r) => `"${r.window.name}";r=${r.remaining};t=${r.resetSeconds}`).join(', '),
  };
  const over = rows.filter((r) => r.over);
  if (over.length === 0) return { allowed: true, headers };
  const blocking = over.reduce((a, b) => (b.resetAt > a.resetAt ? b : a));
  headers['retry-after'] = String(blocking.resetSeconds);
  return { allowed: false, headers, exceeded: blocking.window, retryAfterSeconds: blocking.resetSeconds };
}

const policyFields = new WeakMap<RatePolicy, string>();

/** The RateLimit-Policy field never changes for a policy: built once. */
function policyField(policy: RatePolicy): string {
  let field = policyFields.get(policy);
  if (field === undefined) {
    field = policy.windows.map((w) => `"${w.name}";q=${w.limit};w=${w.seconds}`).join(', ');
    policyFields.set(policy, field);
  }
  return field;
}
