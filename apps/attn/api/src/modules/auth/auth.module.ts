// The auth module: who ATTN's users are (school number and password, or the SIS), the session
// cookie, and the routes under /api/auth. Builds the authenticator once (it installs itself in
// the platform's guard for every route), then the hourly sweep of expired login sessions (the
// platform's scheduleAuthSweep, as A-Cube's) and the routes.
import { scheduleAuthSweep } from '@campus/platform/auth';
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import type { AuthContext } from './auth.context.ts';
import { authRoutes } from './auth.routes.ts';
import { createAttnAuth } from './auth.ts';
import { authTwoFactorRoutes } from './auth.two-factor.routes.ts';

export const authModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const { config, clock, logger, sis } = services;
  const auth = createAttnAuth(app, { config, clock, logger, sis });
  const ctx: AuthContext = { db: app.db, auth, audit: services.audit };
  await app.register(authRoutes, { prefix: '/api/auth', ctx, config });
  await app.register(authTwoFactorRoutes, { prefix: '/api/auth', ctx });

  // Expired and revoked login sessions are deleted hourly (once across all instances).
  scheduleAuthSweep(app.jobs, {
    name: 'auth-sweep',
    cron: '7 * * * *',
    deleteExpired: () => auth.sessions.sweep(app.db),
    logger,
    what: 'expired login sessions',
  });
};
