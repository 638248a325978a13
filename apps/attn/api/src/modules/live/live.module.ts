// The live module: a teacher watches a session's check-ins arrive, as server-sent events. The
// channel the other modules publish to is built once in app.ts (../../live-channel.ts); this
// module reads the snapshot through the attendance and sessions modules' index.ts.
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import { liveRoutes } from './live.routes.ts';

export const liveModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  await app.register(liveRoutes, { prefix: '/api', ctx: { db: services.db, live: services.live } });
};
