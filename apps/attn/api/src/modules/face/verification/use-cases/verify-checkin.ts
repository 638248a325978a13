// The verification job's work on one pending check-in: read the selfie from the file store,
// analyse it in the face pool, compare it with the student's enrolled descriptors, record the
// verdict, delete the selfie unless it is kept for review, and tell the teacher's live view.
// Safe to run twice (a re-queued job beside a slow one): only a check-in still 'pending' is
// touched, and only the run whose verdict was recorded deletes the selfie.
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db } from '@campus/platform/db/database.ts';
import { collectBytes, type Files } from '@campus/platform/files/files.ts';
import type { Logger } from 'pino';
import { recordVerification } from '../../../checkins/verification.ts';
import type { AttnLive } from '../../../live/live.ts';
import { isFaceError } from '../../engine/face-error.ts';
import type { FacePool } from '../../engine/pool.ts';
import { getEnrolledEmbeddings } from '../../enrolment/enrolment.repository.ts';
import { undecided, type Verdict, verdictOfAnalysis, verdictOfRefusal } from '../verdict.ts';
import { verificationRepository as repo, type VerificationCheckin } from '../verification.repository.ts';

/** How long a selfie kept for review lives if no teacher decides. */
export const SELFIE_KEPT_FOR_MS = 7 * 86_400_000;

export interface VerifyDeps {
  db: () => Db;
  files: Files;
  faces: FacePool;
  clock: Clock;
  live: AttnLive;
  logger: Logger;
}

type Checkin = NonNullable<VerificationCheckin>;

async function judge(deps: VerifyDeps, checkin: Checkin): Promise<Verdict> {
  const enrolled = await getEnrolledEmbeddings(deps.db(), checkin.studentId);
  if (enrolled.length === 0) return undecided(false);
  if (!checkin.selfieFileId) return undecided(false);
  const selfie = await deps.files.read(checkin.selfieFileId);
  // A retryable failure: the store may answer on the next try.
  if (!selfie) throw new Error('The selfie cannot be read from the file store');
  // The analysis needs the whole picture (a selfie is a few MB at most).
  const bytes = await collectBytes(selfie.stream);
  try {
    return verdictOfAnalysis(enrolled, await deps.faces.analyse(bytes));
  } catch (err) {
    // A refused photo is a verdict, not a failure: it is not retried.
    if (isFaceError(err)) return verdictOfRefusal(err);
    throw err;
  }
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
  const applied = await recordVerification(
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
