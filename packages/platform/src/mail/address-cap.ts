// A cap on the mail one address receives in a period, so that a public form cannot be used to
// aim our messages at a stranger. The address is never stored: counts are kept under an HMAC of
// the lower-cased address with a key derived from APP_SECRET (`deriveKey(secret, 'mail-address-cap')`).
// The app decides what counts and what a period is (the policy); this holds the count.
import { createHmac } from 'node:crypto';
import { Counter, type Registry } from 'prom-client';
import type { Db, Tx } from '../db/database.ts';
import type { KeyedCounters } from '../db/keyed-counters.ts';

export interface AddressCapOptions {
  counters: KeyedCounters;
  /** The derived key (32 bytes) the addresses are hashed under. */
  key: Buffer;
  /** Names the count, so two caps never share one. */
  scope: string;
  /** How many messages one address may get in a period. */
  limit: number;
  /** Where refusals are counted (`mail_address_cap_refused_total{scope}`): the app's /metrics. */
  registry?: Registry;
}

const REFUSED = 'mail_address_cap_refused_total';

function refusedCounter(registry: Registry): Counter<'scope'> {
  const existing = registry.getSingleMetric(REFUSED);
  if (existing) return existing as Counter<'scope'>;
  return new Counter({
    name: REFUSED,
    help: 'Messages not sent because their address had reached its cap for the period',
    labelNames: ['scope'],
    registers: [registry],
  });
}

export interface AddressCapResult {
  allowed: boolean;
  /** This message's number in the period (the limit plus one and beyond: refused). */
  count: number;
  /** The keyed hash the count is stored under: safe to log, says nothing of the address. */
  addressKey: string;
}

export class AddressCap {
  readonly #opts: AddressCapOptions;
  readonly #refused: Counter<'scope'> | undefined;

  constructor(opts: AddressCapOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 0)
      throw new Error('AddressCap limit must be an integer ≥ 0');
    this.#opts = opts;
    this.#refused = opts.registry ? refusedCounter(opts.registry) : undefined;
  }

  get limit(): number {
    return this.#opts.limit;
  }

  /** The keyed hash of an address (trimmed, lower-cased). */
  addressKey(address: string): string {
    return createHmac('sha256', this.#opts.key).update(address.trim().toLowerCase()).digest('hex');
  }

  /**
   * Counts one more message to `address` in the period named `period` (e.g. a day, '2026-12-01'),
   * which ends at `periodEnd`; in `tx` when given, so a rolled-back change leaves no count.
   */
  async take(
    address: string,
    period: { name: string; end: Date },
    now: Date,
    tx?: Db | Tx,
  ): Promise<AddressCapResult> {
    const addressKey = this.addressKey(address);
    const count = await this.#opts.counters.increment(
      this.#opts.scope,
      `${addressKey}:${period.name}`,
      period.end,
      now,
      tx,
    );
    const allowed = count <= this.#opts.limit;
    if (!allowed) this.#refused?.inc({ scope: this.#opts.scope });
    return { allowed, count, addressKey };
  }
}
