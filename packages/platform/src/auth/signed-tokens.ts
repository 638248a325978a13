// Small signed tokens for one purpose each (a device cookie, a "second factor pending" step):
// JWTs with HS256 under a key derived from APP_SECRET for that purpose, the purpose pinned as
// the audience. A token made for one purpose is refused for another, as is one past its expiry.
import { jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../clock/clock.ts';
import { deriveKey } from '../config/derive-key.ts';

export class SignedTokens<T extends Record<string, string>> {
  readonly #key: Uint8Array;
  readonly #purpose: string;
  readonly #clock: Clock;

  constructor(opts: { appSecret: string; purpose: string; clock: Clock }) {
    this.#key = deriveKey(opts.appSecret, `signed-token:${opts.purpose}`);
    this.#purpose = opts.purpose;
    this.#clock = opts.clock;
  }

  sign(claims: T, ttlSeconds: number): Promise<string> {
    const now = Math.floor(this.#clock.nowMs() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setAudience(this.#purpose)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.#key);
  }

  /** The claims of a valid token of this purpose, or null. */
  async read(token: string | undefined): Promise<T | null> {
    if (!token || token.length > 2000) return null;
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        audience: this.#purpose,
        currentDate: new Date(this.#clock.nowMs()),
      });
      return payload as unknown as T;
    } catch {
      return null;
    }
  }
}
