// How ATTN's users prove who they are: school number and password, checked against the local
// argon2id hash or, for people who come from the SIS, against the SIS itself. A login opens an
// opaque server-side session (platform Sessions) carried in an httpOnly, SameSite=Lax cookie.
// Brute force is stopped per account, and per IP only at a threshold a lecture hall stays under.
import { sessionAuthenticator } from '@campus/platform/auth/authenticators.ts';
import { LoginThrottle } from '@campus/platform/auth/brute-force.ts';
import { PasswordHasher } from '@campus/platform/auth/passwords.ts';
import { Sessions } from '@campus/platform/auth/sessions.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import { AppError } from '@campus/platform/errors.ts';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AttnConfig } from '../../config.ts';
import type { SisClient } from '../sis/sis-client.ts';
import { createUsersRepository, type UserRow } from './users.repository.ts';

export const SESSION_COOKIE = 'attn_session';

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

  app.guard.useAuthenticator(
    sessionAuthenticator({
      sessions,
      db: () => app.db,
      cookieName: SESSION_COOKIE,
      trustedOrigins: config.corsOrigins,
      principal: async (subject) => {
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
    if (user?.passwordHash || !sis || (user && !user.sisId)) {
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
    throttle,
    login: (schoolNumber: string, password: string, ip: string) =>
      throttle.attempt({ account: schoolNumber, ip }, () => verify(schoolNumber, password)),
  };
}
