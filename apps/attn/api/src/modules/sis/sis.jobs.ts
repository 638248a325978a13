// The 'sis-sync' queue: one job is one sync run. A run that fails (the SIS cannot answer, say)
// is recorded in its row with the reason, and the job still completes: the next tick of the
// schedule is the retry. Only a run that cannot even be recorded fails the job (retried once).
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import { defineQueue } from '@campus/platform/jobs';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { SisClient } from './sis-client.ts';
import { syncFromSis } from './use-cases/sync-from-sis.ts';

export const SIS_SYNC_QUEUE = 'sis-sync';

export function sisSyncQueue(opts: {
  sis: SisClient;
  db: () => Db;
  clock: Clock;
  logger: Logger;
  audit?: AuditLog;
}) {
  return defineQueue({
    name: SIS_SYNC_QUEUE,
    payload: Type.Object({
      requested_by: Type.Optional(Type.String({ maxLength: 64 })),
      allow_shrink: Type.Optional(Type.Boolean()),
    }),
    retryLimit: 1,
    retryDelaySeconds: 60,
    expireInSeconds: 30 * 60,
    handler: async (job) => {
      await syncFromSis({
        db: opts.db(),
        sis: opts.sis,
        clock: opts.clock,
        logger: opts.logger.child({ jobId: job.id }),
        ...(opts.audit ? { audit: opts.audit } : {}),
        actorId: job.data.requested_by ?? null,
        allowShrink: job.data.allow_shrink === true,
      });
    },
  });
}
