// A-Cube as a plugin: the platform is already registered by buildApp; here come the modules.
import type { AppContext } from '@campus/platform/app/app-spec.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { AcubeConfig } from './config.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';

export const acubeApp: FastifyPluginAsync<AppContext<AcubeConfig>> = async (app, ctx) => {
  await app.register(eventsRoutes, { prefix: '/api/events', now: () => ctx.clock.now() });
};
