// A bot check that asks no third party: ALTCHA's proof of work (altcha-lib, v1 challenges), served
// and verified here. A challenge is SHA-256(salt + n) for a secret n below the complexity; its
// salt carries the expiry and the whole is signed (HMAC) under a key derived from APP_SECRET, so
// a client can neither forge nor stretch one. A solution is spent on its first use: its challenge
// is counted in the database until it expires, and a second use is refused. Expiry follows the
// app's clock, not the system's, so tests move time instead of waiting.
import { createHash } from 'node:crypto';
import type { Clock } from '@campus/platform/clock';
import type { KeyedCounters } from '@campus/platform/db';
import { AppError } from '@campus/platform/errors';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';

export type BotCheckProblem = 'missing' | 'malformed' | 'invalid' | 'expired' | 'used';

const PROBLEMS: Record<BotCheckProblem, string> = {
  missing: 'no solved bot check was sent',
  malformed: 'the bot check solution cannot be read',
  invalid: 'the bot check solution is wrong',
  expired: 'the bot check has expired: solve a new one',
  used: 'this bot check solution was already used: solve a new one',
};

export const botCheckFailed = (problem: BotCheckProblem) =>
  new AppError('BOT_CHECK_FAILED', 'The check that you are not a robot did not pass: please try again', {
    details: [{ field: 'headers.x-bot-check', message: PROBLEMS[problem], reason: problem }],
  });

export interface Challenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

export interface BotCheckOptions {
  enabled: boolean;
  /** HMAC key, hex (derived from APP_SECRET). */
  key: string;
  complexity: number;
  expiresSeconds: number;
  clock: Clock;
  counters: KeyedCounters;
}

const HEX64 = /^[0-9a-f]{64}$/;

interface Payload {
  algorithm: 'SHA-256';
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

/** The solution as the page sends it (base64 of ALTCHA's JSON payload), or undefined if it is not one. */
export function parsePayload(header: string): Payload | undefined {
  if (header.length > 2048) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const p = value as Partial<Payload> | null;
  if (
    !p ||
    typeof p !== 'object' ||
    p.algorithm !== 'SHA-256' ||
    typeof p.challenge !== 'string' ||
    !HEX64.test(p.challenge) ||
    typeof p.signature !== 'string' ||
    !HEX64.test(p.signature) ||
    typeof p.salt !== 'string' ||
    p.salt.length > 200 ||
    !Number.isSafeInteger(p.number) ||
    (p.number as number) < 0
  )
    return undefined;
  return p as Payload;
}

export class BotCheck {
  readonly #opts: BotCheckOptions;

  constructor(opts: BotCheckOptions) {
    this.#opts = opts;
  }

  get enabled(): boolean {
    return this.#opts.enabled;
  }

  async challenge(): Promise<Challenge> {
    const c = await createChallenge({
      algorithm: 'SHA-256',
      hmacKey: this.#opts.key,
      maxnumber: this.#opts.complexity,
      expires: new Date(this.#opts.clock.nowMs() + this.#opts.expiresSeconds * 1000),
    });
    return { ...c, algorithm: 'SHA-256', maxnumber: c.maxnumber ?? this.#opts.complexity };
  }

  /** Throws BOT_CHECK_FAILED (400) unless `header` holds a fresh, correct, unused solution. */
  async verify(header: string | undefined): Promise<void> {
    if (!this.#opts.enabled) return;
    if (!header) throw botCheckFailed('missing');
    const payload = parsePayload(header);
    if (!payload) throw botCheckFailed('malformed');
    // The expiry is part of the signed salt: checked against our clock once the signature holds.
    if (!(await verifySolution(payload, this.#opts.key, false))) throw botCheckFailed('invalid');
    const expires = Number(extractParams(payload).expires);
    const nowMs = this.#opts.clock.nowMs();
    if (!Number.isSafeInteger(expires) || expires * 1000 <= nowMs) throw botCheckFailed('expired');
    const spent = createHash('sha256').update(payload.challenge).digest('hex');
    const uses = await this.#opts.counters.increment(
      'bot-check',
      spent,
      new Date(expires * 1000),
      new Date(nowMs),
    );
    if (uses > 1) throw botCheckFailed('used');
  }
}
