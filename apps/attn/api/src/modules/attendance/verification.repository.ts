// Queries of selfie verification on the check-ins table: what the job reads, the verdict it
// records (only on a check-in still waiting for one), the sweeps' selections, the teacher's
// review list and decision.
import type { Db, Tx } from '@campus/platform/db';
import { findUnreferencedFiles } from '@campus/platform/files';
import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { attendanceSessions, checkins, users, type verificationStatuses } from '../../db/schema/index.ts';
import { QUALITY_NOTE_PREFIX } from './use-cases/review-reason.ts';

type Queryable = Db | Tx;

export interface VerificationResult {
  verification: 'verified' | 'rejected' | 'needs_review';
  similarity?: number | null;
  faceCount?: number | null;
  spoofScore?: number | null;
  livenessScore?: number | null;
  selfieFileId?: string | null;
  /** When a selfie kept for review is deleted if nobody has decided. */
  selfieDeleteAfter?: Date | null;
  /** The quality gate's note (./use-cases/review-reason.ts), kept in `reason` until a teacher decides. */
  qualityNote?: string | undefined;
  at: Date;
}

type Status = (typeof verificationStatuses)[number];

const student = {
  id: users.id,
  school_number: users.schoolNumber,
  full_name: users.fullName,
};

/** What the job, the sweeps and the review need of one check-in. */
const checkinFields = {
  id: checkins.id,
  sessionId: checkins.sessionId,
  courseId: attendanceSessions.courseId,
  studentId: checkins.studentId,
  status: checkins.status,
  source: checkins.source,
  checkedInAt: checkins.checkedInAt,
  verification: checkins.verification,
  selfieFileId: checkins.selfieFileId,
  attempts: checkins.verificationAttempts,
  student,
};

export type VerificationCheckin = Awaited<ReturnType<typeof getCheckin>>;

async function getCheckin(db: Queryable, checkinId: string) {
  const [row] = await db
    .select(checkinFields)
    .from(checkins)
    .innerJoin(attendanceSessions, eq(attendanceSessions.id, checkins.sessionId))
    .innerJoin(users, eq(users.id, checkins.studentId))
    .where(eq(checkins.id, checkinId));
  return row;
}

export const verificationRepository = {
  getCheckin,

  /**
   * Sets the verdict on a pending (or under-review) check-in; false when there was none to set.
   * `from` narrows the states it may replace (the verification job replaces only 'pending').
   */
  async recordVerification(
    db: Queryable,
    checkinId: string,
    result: VerificationResult,
    from: readonly Status[] = ['pending', 'needs_review'],
  ) {
    const rows = await db
      .update(checkins)
      .set({
        verification: result.verification,
        similarity: result.similarity ?? null,
        faceCount: result.faceCount ?? null,
        spoofScore: result.spoofScore ?? null,
        livenessScore: result.livenessScore ?? null,
        ...(result.selfieFileId !== undefined ? { selfieFileId: result.selfieFileId } : {}),
        ...(result.selfieDeleteAfter !== undefined ? { selfieDeleteAfter: result.selfieDeleteAfter } : {}),
        ...(result.qualityNote !== undefined ? { reason: result.qualityNote } : {}),
        verifiedAt: result.at,
      })
      .where(and(eq(checkins.id, checkinId), inArray(checkins.verification, [...from])))
      .returning({ id: checkins.id });
    return rows.length > 0;
  },

  /** The check-in locked for the rest of the transaction (the teacher's decision). */
  async getCheckinForUpdate(tx: Tx, checkinId: string) {
    const [row] = await tx
      .select(checkinFields)
      .from(checkins)
      .innerJoin(attendanceSessions, eq(attendanceSessions.id, checkins.sessionId))
      .innerJoin(users, eq(users.id, checkins.studentId))
      .where(eq(checkins.id, checkinId))
      .for('update', { of: checkins });
    return row;
  },

  /** Counts one more try of a pending check-in: the count now, or null when it is no longer pending. */
  async countAttempt(db: Queryable, checkinId: string): Promise<number | null> {
    const [row] = await db
      .update(checkins)
      .set({ verificationAttempts: sql`${checkins.verificationAttempts} + 1` })
      .where(and(eq(checkins.id, checkinId), eq(checkins.verification, 'pending')))
      .returning({ attempts: checkins.verificationAttempts });
    return row?.attempts ?? null;
  },

  /** Pending check-ins older than `before`: the stuck-pending sweep's candidates, oldest first. */
  async listPendingBefore(db: Queryable, before: Date, limit: number) {
    return db
      .select({ id: checkins.id, checkedInAt: checkins.checkedInAt, attempts: checkins.verificationAttempts })
      .from(checkins)
      .where(and(eq(checkins.verification, 'pending'), lt(checkins.checkedInAt, before)))
      .orderBy(asc(checkins.checkedInAt))
      .limit(limit);
  },

  /** Selfies kept for review whose time is up. */
  async listExpiredSelfies(db: Queryable, now: Date, limit: number) {
    return db
      .select({ id: checkins.id, selfieFileId: checkins.selfieFileId })
      .from(checkins)
      .where(and(isNotNull(checkins.selfieFileId), lt(checkins.selfieDeleteAfter, now)))
      .limit(limit);
  },

  /** Forgets a check-in's selfie (the file is removed after this commits). */
  async clearSelfie(db: Queryable, checkinId: string, fileId: string): Promise<boolean> {
    const rows = await db
      .update(checkins)
      .set({ selfieFileId: null, selfieDeleteAfter: null })
      .where(and(eq(checkins.id, checkinId), eq(checkins.selfieFileId, fileId)))
      .returning({ id: checkins.id });
    return rows.length > 0;
  },

  /**
   * Selfie files no check-in points at, older than `before`: left behind when a refused
   * check-in's discard or a verdict's delete failed. Fresh ones are skipped: a selfie is stored
   * a moment before its check-in row is written.
   */
  listOrphanSelfies(db: Queryable, before: Date, limit: number) {
    return findUnreferencedFiles(db, { kind: 'selfie', before, limit, referencedBy: checkins.selfieFileId });
  },

  /** The session's check-ins a teacher should look at: needs review, or rejected. */
  async listReviews(db: Queryable, sessionId: string) {
    return db
      .select({
        id: checkins.id,
        student,
        status: checkins.status,
        checkedInAt: checkins.checkedInAt,
        verification: checkins.verification,
        similarity: checkins.similarity,
        faceCount: checkins.faceCount,
        spoofScore: checkins.spoofScore,
        livenessScore: checkins.livenessScore,
        attempts: checkins.verificationAttempts,
        verifiedAt: checkins.verifiedAt,
        selfieFileId: checkins.selfieFileId,
        selfieDeleteAfter: checkins.selfieDeleteAfter,
        reviewedBy: checkins.reviewedBy,
        reviewedAt: checkins.reviewedAt,
        reason: checkins.reason,
      })
      .from(checkins)
      .innerJoin(users, eq(users.id, checkins.studentId))
      .where(
        and(eq(checkins.sessionId, sessionId), inArray(checkins.verification, ['needs_review', 'rejected'])),
      )
      .orderBy(asc(checkins.checkedInAt), asc(checkins.id));
  },

  /**
   * The teacher's decision: the verdict, who and when, and the reason if given (beside the
   * check-in, like a manual mark's); the selfie is forgotten with it.
   */
  async recordReview(
    tx: Tx,
    checkinId: string,
    review: { verification: 'verified' | 'rejected'; by: string; at: Date; reason: string | undefined },
  ) {
    await tx
      .update(checkins)
      .set({
        verification: review.verification,
        reviewedBy: review.by,
        reviewedAt: review.at,
        selfieFileId: null,
        selfieDeleteAfter: null,
        // The teacher's reason, or none: the quality gate's note goes with the decision.
        reason: review.reason
          ? review.reason
          : sql`case when ${checkins.reason} like ${`${QUALITY_NOTE_PREFIX}%`} then null else ${checkins.reason} end`,
      })
      .where(eq(checkins.id, checkinId));
  },
};
