// The teacher's side of selfie verification, for the course's teachers only (403 for others):
// the session's check-ins that need a look, the selfie kept for one of them, and the decision.
// The decision is audited in its transaction (the reason by its length only: the audit log is
// append-only, and the reason is about a person); the selfie is deleted as soon as it commits.
// Viewing a selfie is audited too: it is a photo of a person's face.
import type { AuditEntry, AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db } from '@campus/platform/db/database.ts';
import { AppError, notFound } from '@campus/platform/errors.ts';
import type { Files } from '@campus/platform/files/files.ts';
import type { Logger } from 'pino';
import { assertTeaches } from '../../../courses/course-access.ts';
import type { AttnLive } from '../../../live/live.ts';
import type { SessionsRepository } from '../../../sessions/sessions.repository.ts';
import { getTeacherSession } from '../../../sessions/use-cases/teacher-access.ts';
import { verificationRepository as repo } from '../verification.repository.ts';

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
type ReviewRow = Awaited<ReturnType<typeof repo.listReviews>>[number];

/** Why a check-in is in the teacher's list, from what the job recorded. */
export function reviewReason(row: ReviewRow) {
  if (row.similarity !== null) return 'similarity' as const;
  if (row.faceCount === 0) return 'no_face' as const;
  if (row.faceCount !== null && row.faceCount > 1) return 'several_faces' as const;
  if (row.faceCount === 1) return 'face_too_small' as const;
  if (row.verification === 'rejected' && row.attempts > 0) return 'unreadable_photo' as const;
  // Recorded 'needs_review' at check-in, never looked at by the job: no face enrolment.
  if (row.verifiedAt === null && row.reviewedAt === null) return 'not_enrolled' as const;
  return 'not_checked' as const;
}

export async function listSessionReviews(opts: {
  db: Db;
  sessions: SessionsRepository;
  teacherId: string;
  sessionId: string;
}) {
  await getTeacherSession(opts.sessions, opts.teacherId, opts.sessionId);
  return repo.listReviews(opts.db, opts.sessionId);
}

/** The check-in of one of the teacher's courses; 404 when unknown, 403 when not theirs. */
async function teachersCheckin(db: Db, teacherId: string, checkinId: string) {
  const checkin = await repo.getCheckin(db, checkinId);
  if (!checkin) throw notFound('Check-in');
  await assertTeaches(db, checkin.courseId, teacherId);
  return checkin;
}

export async function readKeptSelfie(opts: {
  db: Db;
  files: Files;
  audit: AuditLog;
  actor: Actor;
  teacherId: string;
  checkinId: string;
}) {
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

export async function reviewCheckin(opts: {
  db: Db;
  files: Files;
  audit: AuditLog;
  clock: Clock;
  live: AttnLive;
  logger: Logger;
  actor: Actor;
  teacherId: string;
  checkinId: string;
  decision: 'accept' | 'reject';
  reason: string | undefined;
}) {
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
