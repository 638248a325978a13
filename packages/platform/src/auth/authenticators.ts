// Ready-made ways to recognise a caller, for `app.guard.useAuthenticator(...)`:
// a bearer JWT (A-Cube's admin panel) or an opaque session cookie (ATTN). Cookie-authenticated
// writes must come from the app's own origin (or a CORS-allowed one): CSRF protection.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { forbidden, unauthenticated } from '../errors.ts';
import type { Authenticator, Principal } from '../guard/types.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { Sessions } from './sessions.ts';

/** `Authorization: Bearer <jwt>`; no header: anonymous; a bad token: 401. */
export function bearerAuthenticator(tokens: AccessTokens): Authenticator {
  return async (request) => {
    const header = request.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('Authorization must be "Bearer <access token>"');
    const claims = await tokens.verify(match[1]);
    return { id: claims.sub, roles: claims.roles, via: 'bearer', sessionId: claims.sid };
  };
}

export interface SessionAuthenticatorOptions {
  sessions: Sessions;
  db: () => Db;
  cookieName: string;
  /** Origins besides the request's own that may write with the cookie (CORS_ORIGINS). */
  trustedOrigins: readonly string[];
  /**
   * The caller for a session's subject and the claims stored at login; null when the account is
   * gone or disabled. An app that revokes an account's sessions when it disables it can answer
   * from the claims alone, without a query.
   */
  principal(
    subject: string,
    claims: Record<string, unknown> | null,
  ): Promise<{ id: string; roles: readonly string[] } | null>;
  /**
   * Remembers recognised sessions for a few seconds, saving two queries a request on hot
   * routes. A logout on this instance forgets at once; elsewhere a revoked session or a
   * disabled account is refused within the cache's lifetime.
   */
  cache?: PrincipalCache;
}

/** A small bounded map of session token to principal, each entry kept for `ttlMs`. */
export class PrincipalCache {
  readonly #entries = new Map<string, { principal: Principal; until: number }>();
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #now: () => number;

  constructor(opts: { ttlMs: number; max?: number; now: () => number }) {
    this.#ttlMs = opts.ttlMs;
    this.#max = opts.max ?? 50_000;
    this.#now = opts.now;
  }

  get(token: string): Principal | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (entry.until > this.#now()) return entry.principal;
    this.#entries.delete(token);
    return undefined;
  }

  set(token: string, principal: Principal): void {
    if (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, { principal, until: this.#now() + this.#ttlMs });
  }

  /** Forgets a session (at logout) or every session of an account (when it is disabled). */
  forget(match: { sessionId?: string; subject?: string }): void {
    for (const [token, { principal }] of this.#entries) {
      const sameSession = match.sessionId !== undefined && principal.sessionId === match.sessionId;
      const sameAccount = match.subject !== undefined && principal.subject === match.subject;
      if (sameSession || sameAccount) this.#entries.delete(token);
    }
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A session cookie; no cookie: anonymous; an expired or revoked session: 401. */
export function sessionAuthenticator(opts: SessionAuthenticatorOptions): Authenticator {
  return async (request) => {
    const token = request.cookies[opts.cookieName];
    if (!token) return null;
    if (!SAFE_METHODS.has(request.method) && !sameOrigin(request, opts.trustedOrigins)) {
      throw forbidden('Cross-site request refused');
    }
    const cached = opts.cache?.get(token);
    if (cached) return cached;
    const session = await opts.sessions.lookup(opts.db(), token);
    if (!session) throw unauthenticated('Session expired or ended: log in again');
    const user = await opts.principal(session.subject, session.claims);
    if (!user) throw unauthenticated('Session expired or ended: log in again');
    const principal: Principal = {
      id: user.id,
      roles: user.roles,
      via: 'cookie',
      sessionId: session.id,
      subject: session.subject,
    };
    opts.cache?.set(token, principal);
    return principal;
  };
}

/**
 * A write is same-origin when the browser says so (Sec-Fetch-Site) or its Origin matches the
 * Host it was sent to or a trusted origin. A request with neither header is not from a browser
 * page, so no cookie of ours can ride along on someone else's behalf.
 */
export function sameOrigin(request: FastifyRequest, trustedOrigins: readonly string[]): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return site === undefined;
  if (trustedOrigins.includes(origin)) return true;
  try {
    // Compared as URLs, so that "localhost:80" and "http://localhost" agree.
    return new URL(origin).host === new URL(`${new URL(origin).protocol}//${request.host}`).host;
  } catch {
    return false;
  }
}
