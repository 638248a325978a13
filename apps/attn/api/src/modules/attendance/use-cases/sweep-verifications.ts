// The two schedules that make sure nothing about a selfie lingers:
// - stuck verifications: a check-in still 'pending' STUCK_AFTER after it was made has lost its
//   job (the enqueue failed after the commit, a worker died on the last try, the job system was
//   down): it is queued again; past TIME_OUT_AFTER, or once MAX_ATTEMPTS tries have run, it goes
//   to the teacher as 'needs_review' (the selfie kept for the review, if there is one). Run every
//   ten minutes, a check-in is re-queued at most twice before it times out; a duplicate job is
//   harmless (verify-checkin touches only a check-in still pending).
// - selfies kept for review past their time are deleted (the check-in stays 'needs_review',
//   without its picture), and so are selfie files no check-in points at (a failed delete).
import { undecided } from '../../face/index.ts';
import type { AttendanceContext } from '../attendance.context.ts';
import { verificationRepository as repo } from '../verification.repository.ts';
import { settleVerification } from './verify-checkin.ts';

export const STUCK_AFTER_MS = 10 * 60_000;
export const TIME_OUT_AFTER_MS = 30 * 60_000;
/** Two jobs' worth of tries (a job tries three times). */
export const MAX_ATTEMPTS = 6;
/** A selfie stored this long ago that no check-in points at is an orphan. */
const ORPHAN_AFTER_MS = 60 * 60_000;
const BATCH = 500;

export interface SweepDeps extends Pick<AttendanceContext, 'db' | 'files' | 'clock' | 'live' | 'logger'> {
  /** Queues the verification job of a check-in again. */
  requeue(checkinId: string): Promise<void>;
}

export async function sweepStuckVerifications(
  deps: SweepDeps,
): Promise<{ requeued: number; timedOut: number }> {
  const now = deps.clock.nowMs();
  const stuck = await repo.listPendingBefore(deps.db(), new Date(now - STUCK_AFTER_MS), BATCH);
  let requeued = 0;
  let timedOut = 0;
  for (const row of stuck) {
    if (row.checkedInAt.getTime() <= now - TIME_OUT_AFTER_MS || row.attempts >= MAX_ATTEMPTS) {
      const checkin = await repo.getCheckin(deps.db(), row.id);
      if (checkin && (await settleVerification(deps, checkin, undecided(true)))) timedOut++;
    } else {
      await deps.requeue(row.id);
      requeued++;
    }
  }
  if (stuck.length > 0)
    deps.logger.info({ event: 'verification.swept', requeued, timedOut }, 'stuck verifications handled');
  return { requeued, timedOut };
}

export async function sweepSelfies(deps: Omit<SweepDeps, 'requeue' | 'live'>): Promise<number> {
  const now = deps.clock.nowMs();
  let deleted = 0;
  for (const row of await repo.listExpiredSelfies(deps.db(), new Date(now), BATCH)) {
    if (!row.selfieFileId) continue;
    // The row forgets the file first: a selfie is never referenced once it may be gone.
    if (!(await repo.clearSelfie(deps.db(), row.id, row.selfieFileId))) continue;
    await deps.files.remove(row.selfieFileId);
    deleted++;
  }
  for (const orphan of await repo.listOrphanSelfies(deps.db(), new Date(now - ORPHAN_AFTER_MS), BATCH)) {
    await deps.files.remove(orphan.id);
    deleted++;
  }
  if (deleted > 0) deps.logger.info({ event: 'selfies.swept', deleted }, 'selfies past their time deleted');
  return deleted;
}
