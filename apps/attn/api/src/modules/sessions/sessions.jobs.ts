// The schedule that closes sessions past their end, every minute, once across all instances.
import { defineQueue } from '@campus/platform/jobs';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { SessionsContext } from './sessions.context.ts';
import { closeExpiredSessions } from './use-cases/close-session.ts';

export const CLOSE_SESSIONS_QUEUE = 'attn-sessions-close';
export const CLOSE_SESSIONS_CRON = '* * * * *';

export const closeSessionsQueue = (ctx: SessionsContext, logger: Logger) =>
  defineQueue({
    name: CLOSE_SESSIONS_QUEUE,
    payload: Type.Object({}),
    retryLimit: 2,
    expireInSeconds: 60,
    handler: async () => {
      await closeExpiredSessions(ctx, logger);
    },
  });
