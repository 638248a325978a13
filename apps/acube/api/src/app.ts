// A-Cube as a plugin: the platform is already registered by buildApp; here come the modules.
import type { AppContext } from '@campus/platform/app/app-spec.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { AcubeConfig } from './config.ts';
import { adminAuthRoutes } from './modules/admins/admin-auth.routes.ts';
import { createAdminAuth } from './modules/admins/admin-auth.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';

export const acubeApp: FastifyPluginAsync<AppContext<AcubeConfig>> = async (app, ctx) => {
  const auth = createAdminAuth(app, ctx);
  await app.register(adminAuthRoutes, { prefix: '/api/admin/auth', auth, config: ctx.config });
  await app.register(eventsRoutes, { prefix: '/api/events', now: () => ctx.clock.now() });
};
