// The selfie verification queues. 'face-verify' holds one check-in id per job and runs where
// ROLE is worker or all (the platform starts pg-boss's workers only there), as many at once as
// the face pool has threads. It is tried three times, two and about four seconds apart: a
// failure here is transient (the store or the database did not answer, a thread died); a
// refused photo is a verdict and is not retried. The last try hands the check-in to the
// teacher instead of failing silently. The two sweeps run on schedules, once per tick across
// all instances.
import type { JobSystem } from '@campus/platform/jobs';
import { defineQueue } from '@campus/platform/jobs';
import { Type } from 'typebox';
import { type SweepDeps, sweepSelfies, sweepStuckVerifications } from './use-cases/sweep-verifications.ts';
import { type VerifyDeps, verifyCheckin } from './use-cases/verify-checkin.ts';

export const VERIFY_QUEUE = 'face-verify';
export const STUCK_SWEEP_QUEUE = 'face-verify-sweep';
export const SELFIE_SWEEP_QUEUE = 'face-selfie-sweep';
export const STUCK_SWEEP_CRON = '*/10 * * * *';
export const SELFIE_SWEEP_CRON = '17 * * * *';
const RETRY_LIMIT = 2;

export function verifyQueue(deps: VerifyDeps) {
  return defineQueue({
    name: VERIFY_QUEUE,
    payload: Type.Object({ checkin_id: Type.String({ format: 'uuid' }) }),
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds: 2,
    // The first photo of a thread waits for its models (a few seconds); far below this.
    expireInSeconds: 120,
    concurrency: deps.faces.size,
    handler: async (job) => {
      await verifyCheckin(deps, { checkinId: job.data.checkin_id, lastTry: job.retryCount >= RETRY_LIMIT });
    },
  });
}

export function stuckSweepQueue(deps: SweepDeps) {
  return defineQueue({
    name: STUCK_SWEEP_QUEUE,
    payload: Type.Object({}),
    retryLimit: 1,
    handler: async () => {
      await sweepStuckVerifications(deps);
    },
  });
}

export function selfieSweepQueue(deps: Omit<SweepDeps, 'requeue' | 'live'>) {
  return defineQueue({
    name: SELFIE_SWEEP_QUEUE,
    payload: Type.Object({}),
    retryLimit: 1,
    handler: async () => {
      await sweepSelfies(deps);
    },
  });
}

/** Queues the verification of a check-in (after its commit: see the check-in route). */
export async function enqueueVerification(jobs: JobSystem, checkinId: string): Promise<void> {
  await jobs.send(VERIFY_QUEUE, { checkin_id: checkinId });
}
