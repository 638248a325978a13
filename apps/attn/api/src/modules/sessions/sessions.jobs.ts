// The schedule that closes sessions past their end, every minute, once across all instances.
import type { AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import { defineQueue } from '@campus/platform/jobs/queue.ts';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { SessionsRepository } from './sessions.repository.ts';
import { closeExpiredSessions } from './use-cases/close-session.ts';

export const CLOSE_SESSIONS_QUEUE = 'attn-sessions-close';

export function scheduleSessionClosing(
  app: FastifyInstance,
  deps: {
    repo: SessionsRepository;
    audit: AuditLog;
    clock: Clock;
    logger: Logger;
    onClosed: (sessionId: string, closedAt: Date) => void;
  },
): void {
  app.jobs.define(
    defineQueue({
      name: CLOSE_SESSIONS_QUEUE,
      payload: Type.Object({}),
      retryLimit: 2,
      expireInSeconds: 60,
      handler: async () => {
        await closeExpiredSessions({ ...deps, db: app.db }, deps.logger);
      },
    }),
  );
  app.jobs.schedule(CLOSE_SESSIONS_QUEUE, '* * * * *');
}
