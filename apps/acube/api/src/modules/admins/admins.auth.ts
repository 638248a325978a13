// How A-Cube's admins prove who they are: argon2id passwords, short-lived JWT access tokens in
// the Authorization header, and a rotating refresh token in an httpOnly, Secure,
// SameSite=Strict cookie scoped to the auth routes. A disabled admin is refused at once, even
// with an access token that has not expired.
import {
  AccessTokens,
  bearerAuthenticator,
  LoginThrottle,
  PasswordHasher,
  RefreshTokens,
  TwoFactor,
} from '@campus/platform/auth';
import type { Clock } from '@campus/platform/clock';
import { unauthenticated } from '@campus/platform/errors';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AcubeConfig } from '../../config.ts';
import { createAdminsRepository } from './admins.repository.ts';

export const REFRESH_COOKIE = 'acube_refresh';
export const REFRESH_COOKIE_PATH = '/api/admin/auth';
/** The device cookie (OWASP device cookies): sent only to the login routes. */
export const DEVICE_COOKIE = 'acube_device';

export type AdminAuth = ReturnType<typeof createAdminAuth>;

export function createAdminAuth(
  app: FastifyInstance,
  ctx: { config: AcubeConfig; clock: Clock; logger: Logger },
) {
  const { config, clock, logger } = ctx;
  const admins = createAdminsRepository(() => app.db);
  const hasher = new PasswordHasher();
  const access = new AccessTokens({ appSecret: config.appSecret, app: config.app, clock });
  const refresh = new RefreshTokens({ clock, logger });
  const throttle = new LoginThrottle({
    store: app.guard.limiter.store,
    settings: config.login,
    clock,
    logger,
    appSecret: config.appSecret,
  });
  const bearer = bearerAuthenticator(access);
  const twoFactor = new TwoFactor({ appSecret: config.appSecret, issuer: 'A-Cube', clock });

  app.guard.useAuthenticator(async (request) => {
    const principal = await bearer(request);
    if (!principal) return null;
    const admin = await admins.findById(principal.id);
    if (!admin || admin.disabledAt) throw unauthenticated('Account disabled');
    return { ...principal, roles: [admin.role] };
  });

  return { admins, hasher, access, refresh, throttle, twoFactor };
}
