// The retention schedule: a nightly job (once per tick across all instances) that erases closed
// records past RETENTION_DAYS. Its payload is empty: nothing of anyone sits in the job table.
import { defineQueue } from '@campus/platform/jobs';
import { Type } from 'typebox';
import type { PrivacyContext } from './privacy.context.ts';
import { RETENTION_QUEUE } from './privacy.schemas.ts';
import { eraseExpiredRecords } from './use-cases/erase-expired-records.ts';

export function retentionQueue(ctx: PrivacyContext) {
  return defineQueue({
    name: RETENTION_QUEUE,
    payload: Type.Object({}),
    retryLimit: 3,
    expireInSeconds: 1800,
    handler: async () => eraseExpiredRecords(ctx),
  });
}
