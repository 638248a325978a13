// Login brute-force protection, on top of the login route's rate-limit policy. Failures are
// counted per account (from any IP) and per IP (over any account). Below a threshold nothing
// happens; from it on, each further attempt must wait a delay that doubles with every failure
// (base, 2·base, 4·base, ...), capped at a maximum. A blocked attempt is answered at once with
// 429 and Retry-After, without checking the password and without counting: an attacker cannot
// push a block further out than one maximum delay from the last real failure.
//
// Numbers (defaults; LOGIN_* settings), after OWASP's Authentication Cheat Sheet (throttle with
// growing delays instead of permanent lockout, which is itself a denial of service):
//   account threshold 5, base 1 s, max 900 s (15 min), counts forgotten 24 h after the last
//   failure. An online guesser gets 5 tries, then about 10 more within half an hour, then 4 an
//   hour: about 100 a day, NIST SP 800-63B's ceiling for failed attempts on one account. A real
//   user locked out by someone else waits at most 15 minutes after the attacker's last try.
//   A successful login clears the account's count (not the IP's).
//   IP threshold: per app (A-Cube 20; ATTN 200 so a lecture hall behind one NAT address can
//   make its usual typos).
//
// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
// logged in to an account gets a signed cookie naming that account (`deviceCookie`). An attempt
// that shows a valid one for the account it logs in to is not held by the account's lockout, so
// a crowd guessing from elsewhere cannot lock the owner out; its failures count against the
// cookie's own small budget (LOGIN_DEVICE_FAILURES) instead of the account, and once that is
// spent the cookie is distrusted like any other client. The IP's own block still applies.
import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.ts';
import { deriveKey } from '../config/derive-key.ts';
import type { LoginProtection } from '../config/types.ts';
import { tooManyRequests, unauthenticated } from '../errors.ts';
import type { CounterStore, FailureCount } from '../ratelimit/store.ts';
import { SignedTokens } from './signed-tokens.ts';

export interface LoginAttempt {
  /** The login name as typed (e-mail, school number); normalised here. */
  account: string;
  ip: string;
  /** The device cookie the client sent, if any. */
  device?: string | undefined;
}

export interface Block {
  scope: 'account' | 'ip';
  retryAfterSeconds: number;
}

export class LoginThrottle {
  readonly settings: LoginProtection;
  readonly #store: CounterStore;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #key: Buffer;
  readonly #devices: SignedTokens<{ acct: string; nonce: string }>;

  constructor(opts: {
    store: CounterStore;
    settings: LoginProtection;
    clock: Clock;
    logger: Logger;
    appSecret: string;
  }) {
    this.#store = opts.store;
    this.settings = opts.settings;
    this.#clock = opts.clock;
    this.#logger = opts.logger;
    this.#key = deriveKey(opts.appSecret, 'login-throttle');
    this.#devices = new SignedTokens({
      appSecret: opts.appSecret,
      purpose: 'device-cookie',
      clock: opts.clock,
    });
  }

  /** How long a device cookie lives, for the cookie's Max-Age. */
  get deviceSeconds(): number {
    return this.settings.deviceDays * 86_400;
  }

  /** A new device cookie for the account just logged in to (a fresh nonce: a fresh budget). */
  deviceCookie(account: string): Promise<string> {
    return this.#devices.sign(
      { acct: this.accountRef(account), nonce: randomBytes(16).toString('base64url') },
      this.deviceSeconds,
    );
  }

  /** The counter key of a device cookie that is valid for this account and still trusted. */
  async #trustedDevice(attempt: LoginAttempt): Promise<string | null> {
    const claims = await this.#devices.read(attempt.device);
    if (!claims || claims.acct !== this.accountRef(attempt.account) || typeof claims.nonce !== 'string')
      return null;
    const key = `dev:${claims.nonce}`;
    const [count] = await this.#store.failures([key]);
    return (count?.count ?? 0) < this.settings.deviceFailures ? key : null;
  }

  /** Seconds a count of `failures` makes the next attempt wait after the last failure. */
  delaySeconds(failures: number, threshold: number): number {
    if (failures < threshold) return 0;
    const { baseDelaySeconds, maxDelaySeconds } = this.settings;
    return Math.min(baseDelaySeconds * 2 ** Math.min(failures - threshold, 30), maxDelaySeconds);
  }

  /** The block in force for this attempt, if any; a trusted device is not held by the account's. */
  async blocked(attempt: LoginAttempt, trustedDevice = false): Promise<Block | null> {
    const [account, ip] = await this.#store.failures([this.#accountKey(attempt.account), `ip:${attempt.ip}`]);
    const nowMs = this.#clock.nowMs();
    const wait = (count: FailureCount | null | undefined, threshold: number) =>
      count ? (count.lastAt + this.delaySeconds(count.count, threshold) * 1000 - nowMs) / 1000 : 0;
    const accountWait = trustedDevice ? 0 : wait(account, this.settings.accountThreshold);
    const ipWait = wait(ip, this.settings.ipThreshold);
    if (accountWait <= 0 && ipWait <= 0) return null;
    return accountWait >= ipWait
      ? { scope: 'account', retryAfterSeconds: Math.ceil(accountWait) }
      : { scope: 'ip', retryAfterSeconds: Math.ceil(ipWait) };
  }

  /**
   * Runs one login attempt: refuses it with 429 while blocked; otherwise calls `verify`, which
   * returns the user or null for wrong credentials; counts failures, clears the account's
   * count on success, and logs both at info (never the password; the account as a keyed hash).
   */
  async attempt<T>(attempt: LoginAttempt, verify: () => Promise<T | null>): Promise<T> {
    const accountRef = this.accountRef(attempt.account);
    const device = await this.#trustedDevice(attempt);
    const block = await this.blocked(attempt, device !== null);
    if (block) {
      this.#logger.info(
        {
          event: 'login.blocked',
          accountRef,
          ip: attempt.ip,
          scope: block.scope,
          trustedDevice: device !== null,
          retryAfter: block.retryAfterSeconds,
        },
        'login refused: too many failed attempts',
      );
      throw tooManyRequests(
        'Too many failed logins',
        `Try again in ${block.retryAfterSeconds} second${block.retryAfterSeconds === 1 ? '' : 's'}`,
        block.retryAfterSeconds,
      );
    }
    const user = await verify();
    if (user === null) {
      // A trusted device's failure spends its own budget, not the account's.
      const [account, ip] = await this.#store.addFailure(
        [device ?? this.#accountKey(attempt.account), `ip:${attempt.ip}`],
        this.#clock.nowMs(),
        this.settings.forgetAfterSeconds,
      );
      this.#logger.info(
        {
          event: 'login.failed',
          accountRef,
          ip: attempt.ip,
          [device ? 'deviceFailures' : 'accountFailures']: account?.count,
          ipFailures: ip?.count,
        },
        'login failed',
      );
      throw unauthenticated('Invalid credentials');
    }
    await this.#store.clearFailures(this.#accountKey(attempt.account));
    return user;
  }

  /** A stable, non-reversible reference to a login name, for logs. */
  accountRef(account: string): string {
    return createHmac('sha256', this.#key).update(normalise(account)).digest('hex').slice(0, 16);
  }

  #accountKey(account: string): string {
    return `acct:${this.accountRef(account)}`;
  }
}

function normalise(account: string): string {
  return account.trim().toLowerCase();
}
