// The daily archive run as a queue: scheduled once a day across all instances, or sent by
// hand with another age (`after_days`).
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import { defineQueue } from '@campus/platform/jobs';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import { archiveFinishedTerms } from './use-cases/archive-finished-terms.ts';

export const ARCHIVE_QUEUE = 'attn-archive';
export const ARCHIVE_CRON = '23 3 * * *';

export const archiveQueue = (deps: { db: () => Db; clock: Clock; logger: Logger }) =>
  defineQueue({
    name: ARCHIVE_QUEUE,
    payload: Type.Object({ after_days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })) }),
    retryLimit: 3,
    expireInSeconds: 3600,
    handler: async (job) => {
      const result = await archiveFinishedTerms({
        ...deps,
        afterDays: job.data.after_days,
        signal: job.signal,
      });
      deps.logger.info({ event: 'archive.done', ...result }, 'archive run finished');
    },
  });
