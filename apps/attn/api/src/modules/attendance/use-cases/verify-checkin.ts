// The verification job's work on one pending check-in: read the selfie from the file store,
// analyse it in the face pool, compare it with the student's enrolled descriptors, record the
// verdict, delete the selfie unless it is kept for review, and tell the teacher's live view.
// Safe to run twice (a re-queued job beside a slow one): only a check-in still 'pending' is
// touched, and only the run whose verdict was recorded deletes the selfie.
import { collectBytes } from '@campus/platform/files';
import { judgeSelfie, undecided, type Verdict } from '../../face/index.ts';
import type { AttendanceContext } from '../attendance.context.ts';
import { verificationRepository as repo, type VerificationCheckin } from '../verification.repository.ts';
import { qualityNote } from './review-reason.ts';

/** How long a selfie kept for review lives if no teacher decides. */
export const SELFIE_KEPT_FOR_MS = 7 * 86_400_000;

export type VerifyDeps = Pick<AttendanceContext, 'db' | 'files' | 'faces' | 'clock' | 'live' | 'logger'>;

type Checkin = NonNullable<VerificationCheckin>;

/** The face module's verdict on the check-in's selfie, read from the file store only if needed. */
function judge(deps: VerifyDeps, checkin: Checkin): Promise<Verdict> {
  return judgeSelfie(deps, {
    studentId: checkin.studentId,
    readSelfie: async () => {
      if (!checkin.selfieFileId) return null;
      const selfie = await deps.files.read(checkin.selfieFileId);
      // A retryable failure: the store may answer on the next try.
      if (!selfie) throw new Error('The selfie cannot be read from the file store');
      // The analysis needs the whole picture (a selfie is a few MB at most).
      return collectBytes(selfie.stream);
    },
  });
}

/**
 * Records `verdict` on a check-in still pending; then deletes the selfie if it is not kept, and
 * announces the verdict. Shared with the stuck-pending sweep. False when it was no longer pending.
 */
export async function settleVerification(
  deps: Omit<VerifyDeps, 'faces'>,
  checkin: Checkin,
  verdict: Verdict,
): Promise<boolean> {
  const now = deps.clock.now();
  const keep = verdict.keepSelfie && checkin.selfieFileId !== null;
  const applied = await repo.recordVerification(
    deps.db(),
    checkin.id,
    {
      verification: verdict.verification,
      similarity: verdict.similarity,
      faceCount: verdict.faceCount,
      spoofScore: verdict.spoofScore,
      livenessScore: verdict.livenessScore,
      selfieFileId: keep ? checkin.selfieFileId : null,
      selfieDeleteAfter: keep ? new Date(now.getTime() + SELFIE_KEPT_FOR_MS) : null,
      qualityNote: qualityNote(verdict.qualityIssues),
      at: now,
    },
    ['pending'],
  );
  if (!applied) return false;
  if (!keep && checkin.selfieFileId) {
    // After the commit; a failed delete leaves an unreferenced file the selfie sweep removes.
    await deps.files.remove(checkin.selfieFileId).catch((err: unknown) => {
      deps.logger.warn({ err, checkinId: checkin.id }, 'selfie not deleted: the sweep will');
    });
  }
  deps.logger.info(
    { event: 'checkin.verified', checkinId: checkin.id, verification: verdict.verification, kept: keep },
    'selfie verification recorded',
  );
  deps.live.publish(checkin.sessionId, {
    type: 'verification',
    id: checkin.id,
    student: checkin.student,
    status: checkin.status,
    checked_in_at: checkin.checkedInAt.toISOString(),
    verification: verdict.verification,
    source: checkin.source,
  });
  return true;
}

/**
 * One try of the job. A failure throws (the job is retried) except on the last try, where the
 * check-in goes to the teacher as 'needs_review' with its selfie kept, and the error is thrown
 * still so that the job shows as failed.
 */
export async function verifyCheckin(
  deps: VerifyDeps,
  input: { checkinId: string; lastTry: boolean },
): Promise<'skipped' | Verdict['verification']> {
  const checkin = await repo.getCheckin(deps.db(), input.checkinId);
  if (checkin?.verification !== 'pending') return 'skipped';
  if ((await repo.countAttempt(deps.db(), checkin.id)) === null) return 'skipped';
  let verdict: Verdict;
  try {
    verdict = await judge(deps, checkin);
  } catch (err) {
    if (!input.lastTry) throw err;
    await settleVerification(deps, checkin, undecided(true));
    throw err;
  }
  await settleVerification(deps, checkin, verdict);
  return verdict.verification;
}
