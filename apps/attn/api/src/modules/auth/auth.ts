// How ATTN's users prove who they are: school number and password, checked against the local
// argon2id hash or, for people who come from the SIS, against the SIS itself. A login opens an
// opaque server-side session (platform Sessions) carried in an httpOnly, SameSite=Lax cookie.
// Brute force is stopped per account, and per IP only at a threshold a lecture hall stays under.
import {
  LoginThrottle,
  PasswordHasher,
  PrincipalCache,
  Sessions,
  sessionAuthenticator,
  TwoFactor,
} from '@campus/platform/auth';
import type { Clock } from '@campus/platform/clock';
import { AppError } from '@campus/platform/errors';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AttnConfig } from '../../config.ts';
import type { UserRole } from '../../db/schema/index.ts';
import type { SisClient } from '../sis/index.ts';
import { createUsersRepository, type UserRow } from './users.repository.ts';

export const SESSION_COOKIE = 'attn_session';
/** The device cookie (OWASP device cookies): sent only to the auth routes. */
export const DEVICE_COOKIE = 'attn_device';
/** The roles two-factor is for (and that a requirement applies to); students never use it. */
export const TWO_FACTOR_ROLES: readonly UserRole[] = ['teacher', 'admin'];

export type AttnAuth = ReturnType<typeof createAttnAuth>;

export function createAttnAuth(
  app: FastifyInstance,
  ctx: { config: AttnConfig; clock: Clock; logger: Logger; sis: SisClient | null },
) {
  const { config, clock, logger, sis } = ctx;
  const users = createUsersRepository(() => app.db);
  const hasher = new PasswordHasher();
  // A school day: idle for 12 hours or 7 days after login, whichever comes first.
  const sessions = new Sessions({ clock });
  const throttle = new LoginThrottle({
    store: app.guard.limiter.store,
    settings: config.login,
    clock,
    logger,
    appSecret: config.appSecret,
  });
  const twoFactor = new TwoFactor({ appSecret: config.appSecret, issuer: 'ATTN', clock });

  // Check-in bursts make the same few queries per request: a recognised session is remembered
  // for 5 seconds (a logout here forgets it at once; elsewhere within those 5 seconds).
  const principals = new PrincipalCache({ ttlMs: 5000, now: () => clock.nowMs() });
  app.guard.useAuthenticator(
    sessionAuthenticator({
      cache: principals,
      sessions,
      db: () => app.db,
      cookieName: SESSION_COOKIE,
      trustedOrigins: config.corsOrigins,
      // Sessions carry the school number and role from login; disabling an account revokes its
      // sessions (users.disable), so a live session is a live account.
      principal: async (subject, claims) => {
        if (typeof claims?.schoolNumber === 'string' && typeof claims.role === 'string')
          return { id: claims.schoolNumber, roles: [claims.role] };
        const user = await users.findById(subject);
        return user && !user.disabledAt ? { id: user.schoolNumber, roles: [user.role] } : null;
      },
    }),
  );

  /** The user, or null for a wrong password; an unreachable SIS is a 503, not a failed login. */
  async function verify(schoolNumber: string, password: string): Promise<UserRow | null> {
    const user = await users.findBySchoolNumber(schoolNumber);
    if (user?.disabledAt) {
      await hasher.verify(undefined, password);
      return null;
    }
    // A local password wins; anyone else (from the SIS, from a roster file, or unknown here) is
    // asked of the SIS when there is one.
    if (user?.passwordHash || !sis) {
      const result = await hasher.verify(user?.passwordHash ?? undefined, password);
      if (!user || !result.ok) return null;
      if (result.rehash) await users.setPasswordHash(user.id, result.rehash);
      return user;
    }
    try {
      const person = await sis.checkCredentials(schoolNumber, password);
      if (!person) return null;
      return (await users.upsertFromSis({ ...person, schoolNumber })) ?? null;
    } catch (err) {
      if (err instanceof Error && err.name === 'SisUnavailableError') {
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          'The student information system is not answering: try again in a minute',
          { cause: err },
        );
      }
      throw err;
    }
  }

  return {
    users,
    hasher,
    sessions,
    principals,
    throttle,
    twoFactor,
    /** A device cookie for this browser, if it showed one, keeps it out of the account's lockout. */
    login: (schoolNumber: string, password: string, ip: string, device?: string) =>
      throttle.attempt({ account: schoolNumber, ip, device }, () => verify(schoolNumber, password)),
  };
}
