// The face data retention schedule: once a day, once across all instances.
import { defineQueue } from '@campus/platform/jobs';
import { Type } from 'typebox';
import type { PrivacyContext } from './privacy.context.ts';
import { sweepFaceRetention } from './use-cases/sweep-face-retention.ts';

export const FACE_RETENTION_QUEUE = 'attn-face-retention';
export const FACE_RETENTION_CRON = '41 3 * * *';

export const faceRetentionQueue = (ctx: PrivacyContext) =>
  defineQueue({
    name: FACE_RETENTION_QUEUE,
    payload: Type.Object({}),
    retryLimit: 3,
    expireInSeconds: 3600,
    handler: async (job) => ({ ...(await sweepFaceRetention(ctx, { signal: job.signal })) }),
  });
