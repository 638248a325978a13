// The teacher's side of selfie verification, for the course's teachers only (403 for others):
// the session's check-ins that need a look, the selfie kept for one of them, and the decision.
// The decision is audited in its transaction (the reason by its length only: the audit log is
// append-only, and the reason is about a person); the selfie is deleted as soon as it commits.
// Viewing a selfie is audited too: it is a photo of a person's face.
import type { Db } from '@campus/platform/db';
import { AppError, notFound } from '@campus/platform/errors';
import { assertTeaches } from '../../courses/index.ts';
import { faceThresholds } from '../../face/index.ts';
import { getTeacherSession } from '../../sessions/index.ts';
import type { Actor, AttendanceContext } from '../attendance.context.ts';
import { verificationRepository as repo } from '../verification.repository.ts';
import { qualityIssuesOf, reviewReason } from './review-reason.ts';

type ReviewContext = Pick<AttendanceContext, 'db' | 'files' | 'audit' | 'clock' | 'live' | 'logger'>;
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The session's check-ins a teacher of its course should look at, with the engine's scores. */
export async function listSessionReviews(
  ctx: Pick<AttendanceContext, 'db'>,
  input: { teacherId: string; sessionId: string },
) {
  await getTeacherSession(ctx.db(), input);
  const rows = await repo.listReviews(ctx.db(), input.sessionId);
  return {
    session_id: input.sessionId,
    thresholds: faceThresholds,
    items: rows.map((r) => ({
      id: r.id,
      student: r.student,
      status: r.status,
      checked_in_at: r.checkedInAt.toISOString(),
      verification: r.verification as 'needs_review' | 'rejected',
      review_reason: reviewReason(r),
      quality_issues: qualityIssuesOf(r.reason),
      similarity: r.similarity,
      face_count: r.faceCount,
      spoof_score: r.spoofScore,
      liveness_score: r.livenessScore,
      verification_attempts: r.attempts,
      selfie_kept: r.selfieFileId !== null,
      selfie_url: r.selfieFileId ? `/api/teacher/checkins/${r.id}/selfie` : null,
      selfie_delete_after: iso(r.selfieDeleteAfter),
      reviewed_by: r.reviewedBy,
      reviewed_at: iso(r.reviewedAt),
    })),
  };
}

/** The check-in of one of the teacher's courses; 404 when unknown, 403 when not theirs. */
async function teachersCheckin(db: Db, teacherId: string, checkinId: string) {
  const checkin = await repo.getCheckin(db, checkinId);
  if (!checkin) throw notFound('Check-in');
  await assertTeaches(db, checkin.courseId, teacherId);
  return checkin;
}

export async function readKeptSelfie(
  ctx: Pick<AttendanceContext, 'db' | 'files' | 'audit'>,
  input: { actor: Actor; teacherId: string; checkinId: string },
) {
  const opts = { ...input, db: ctx.db(), files: ctx.files, audit: ctx.audit };
  const checkin = await teachersCheckin(opts.db, opts.teacherId, opts.checkinId);
  const found = checkin.selfieFileId ? await opts.files.read(checkin.selfieFileId) : null;
  if (!found) throw notFound('Selfie (deleted once verified, reviewed or seven days old)');
  await opts.audit.record(opts.db, {
    ...opts.actor,
    action: 'checkin.selfie_viewed',
    entity: 'checkin',
    entityId: checkin.id,
  });
  return found;
}

export async function reviewCheckin(
  ctx: ReviewContext,
  input: {
    actor: Actor;
    teacherId: string;
    checkinId: string;
    decision: 'accept' | 'reject';
    reason?: string;
  },
) {
  const opts = { ...ctx, ...input, db: ctx.db() };
  const at = opts.clock.now();
  const verification = opts.decision === 'accept' ? ('verified' as const) : ('rejected' as const);
  const checkin = await opts.db.transaction(async (tx) => {
    const row = await repo.getCheckinForUpdate(tx, opts.checkinId);
    if (!row) throw notFound('Check-in');
    await assertTeaches(tx, row.courseId, opts.teacherId);
    if (row.verification !== 'needs_review' && row.verification !== 'rejected') {
      throw new AppError(
        'CONFLICT',
        `This check-in is ${row.verification.replace('_', ' ')}: there is nothing to review`,
      );
    }
    await repo.recordReview(tx, row.id, { verification, by: opts.teacherId, at, reason: opts.reason });
    await opts.audit.record(tx, {
      ...opts.actor,
      action: 'checkin.reviewed',
      entity: 'checkin',
      entityId: row.id,
      changes: {
        session_id: row.sessionId,
        student_id: row.studentId,
        decision: opts.decision,
        previous: row.verification,
        selfie_deleted: row.selfieFileId !== null,
        reason_chars: opts.reason?.length ?? 0,
      },
    });
    return row;
  });
  if (checkin.selfieFileId) {
    await opts.files.remove(checkin.selfieFileId).catch((err: unknown) => {
      opts.logger.warn({ err, checkinId: checkin.id }, 'reviewed selfie not deleted: the sweep will');
    });
  }
  opts.live.publish(checkin.sessionId, {
    type: 'verification',
    id: checkin.id,
    student: checkin.student,
    status: checkin.status,
    checked_in_at: checkin.checkedInAt.toISOString(),
    verification,
    source: checkin.source,
  });
  return { id: checkin.id, verification, reviewedBy: opts.teacherId, reviewedAt: at };
}
