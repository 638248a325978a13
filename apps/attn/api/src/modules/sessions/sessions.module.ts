// The sessions module: attendance sessions (the table it alone writes), opened and closed by the
// course's teachers or closed by the schedule past their end, and the rotating code they show.
// Builds the repository and the use cases' context once, then the closing job and the routes.
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import type { SessionsContext } from './sessions.context.ts';
import { CLOSE_SESSIONS_CRON, CLOSE_SESSIONS_QUEUE, closeSessionsQueue } from './sessions.jobs.ts';
import { createSessionsRepository } from './sessions.repository.ts';
import { sessionsRoutes } from './sessions.routes.ts';

export const sessionsModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const { live, config } = services;
  const ctx: SessionsContext = {
    db: services.db,
    repo: createSessionsRepository(services.db),
    audit: services.audit,
    clock: services.clock,
    appSecret: config.appSecret,
    publicUrl: config.publicUrl,
    onClosed: (sessionId, closedAt) =>
      live.publish(sessionId, { type: 'closed', session_id: sessionId, closed_at: closedAt.toISOString() }),
  };
  app.jobs.define(closeSessionsQueue(ctx, services.logger));
  app.jobs.schedule(CLOSE_SESSIONS_QUEUE, CLOSE_SESSIONS_CRON);
  await app.register(sessionsRoutes, { prefix: '/api', ctx });
};
