// The auth module: who ATTN's users are (school number and password, or the SIS), the session
// cookie, and the routes under /api/auth. Builds the authenticator once (it installs itself in
// the platform's guard for every route), then the hourly sweep of expired login sessions and
// the routes.
import { defineQueue } from '@campus/platform/jobs/queue.ts';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AttnServices } from '../../services.ts';
import { authRoutes } from './auth.routes.ts';
import { createAttnAuth } from './auth.ts';

export const AUTH_SWEEP_QUEUE = 'auth-sweep';
export const AUTH_SWEEP_CRON = '7 * * * *';

export const authModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const { config, clock, logger, sis } = services;
  const auth = createAttnAuth(app, { config, clock, logger, sis });
  await app.register(authRoutes, { prefix: '/api/auth', auth, config });

  // Expired and revoked login sessions are deleted hourly (once across all instances).
  app.jobs.define(
    defineQueue({
      name: AUTH_SWEEP_QUEUE,
      payload: Type.Object({}),
      handler: async () => {
        const deleted = await auth.sessions.sweep(app.db);
        logger.info({ event: 'auth.swept', deleted }, 'expired login sessions deleted');
      },
    }),
  );
  app.jobs.schedule(AUTH_SWEEP_QUEUE, AUTH_SWEEP_CRON);
};
