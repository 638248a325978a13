// Short-lived access tokens: JWTs signed with HS256 under a key derived from APP_SECRET. The
// algorithm, issuer and audience are pinned on both sides: `alg: none`, another key, another
// audience or issuer, or a token past its expiry is refused.
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../clock/clock.ts';
import { deriveKey } from '../config/derive-key.ts';
import { unauthenticated } from '../errors.ts';

export interface AccessClaims {
  /** Subject: the user id. */
  sub: string;
  roles: string[];
  /** The refresh-token family (login) this token came from. */
  sid: string;
}

export interface AccessTokenOptions {
  appSecret: string;
  /** e.g. 'acube'; pinned as issuer, and as audience with the suffix ':api'. */
  app: string;
  clock: Clock;
  ttlSeconds?: number;
}

const ALGORITHM = 'HS256';

export class AccessTokens {
  readonly ttlSeconds: number;
  readonly #key: Uint8Array;
  readonly #issuer: string;
  readonly #audience: string;
  readonly #clock: Clock;

  constructor(opts: AccessTokenOptions) {
    this.#key = deriveKey(opts.appSecret, `${opts.app}:access-token`);
    this.#issuer = opts.app;
    this.#audience = `${opts.app}:api`;
    this.#clock = opts.clock;
    this.ttlSeconds = opts.ttlSeconds ?? 900;
  }

  async sign(claims: AccessClaims): Promise<string> {
    const now = Math.floor(this.#clock.nowMs() / 1000);
    return new SignJWT({ roles: claims.roles, sid: claims.sid })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(this.#issuer)
      .setAudience(this.#audience)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.#key);
  }

  /** The claims of a valid token; an UNAUTHENTICATED AppError otherwise. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: [ALGORITHM],
        issuer: this.#issuer,
        audience: this.#audience,
        currentDate: this.#clock.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      const roles = payload.roles;
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.sid !== 'string' ||
        !Array.isArray(roles) ||
        !roles.every((r) => typeof r === 'string')
      ) {
        throw unauthenticated('Invalid access token');
      }
      return { sub: payload.sub, roles, sid: payload.sid };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthenticated('Access token expired');
      if (err instanceof joseErrors.JOSEError) throw unauthenticated('Invalid access token');
      throw err;
    }
  }
}
