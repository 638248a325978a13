// A teacher marks a student present or late by hand, or removes a check-in, always with a
// reason. The reason stays on the check-in row, where the course's teachers read it; the
// audit log, which is append-only and can never be redacted, records only the reason's length:
// a reason often carries health or family matters ("in hospital"), which must not be frozen
// there. The audit entry is written in the same transaction as the change.
import type { AuditEntry, AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db, Tx } from '@campus/platform/db/database.ts';
import { AppError, notFound } from '@campus/platform/errors.ts';
import { assertTeaches, isEnrolled } from '../../courses/course-access.ts';
import { type CheckinRow, type MarkedStudent, marksRepository as repo } from '../marks.repository.ts';

interface MarkContext {
  db: Db;
  audit: AuditLog;
  actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
  teacherId: string;
  sessionId: string;
  studentId: string;
  reason: string;
}

/** The student, once the caller is known to teach the session's course and the student is on its roster. */
async function checkAccess(tx: Tx, ctx: MarkContext): Promise<MarkedStudent> {
  const session = await repo.getSession(tx, ctx.sessionId);
  if (!session) throw notFound('Attendance session');
  const course = await assertTeaches(tx, session.courseId, ctx.teacherId);
  if (course.termArchivedAt)
    throw new AppError('CONFLICT', 'This term’s attendance is archived: it can no longer change');
  const student = await repo.getStudent(tx, ctx.studentId);
  if (!student || !(await isEnrolled(tx, session.courseId, ctx.studentId)))
    throw notFound('Student on this course’s roster');
  return student;
}

export async function markStudent(
  ctx: MarkContext & { status: 'present' | 'late'; clock: Clock },
): Promise<{ checkin: CheckinRow; created: boolean; student: MarkedStudent }> {
  return ctx.db.transaction(async (tx) => {
    const student = await checkAccess(tx, ctx);
    const before = await repo.findCheckinForUpdate(tx, ctx.sessionId, ctx.studentId);
    const checkin = await repo.upsertMark(tx, {
      sessionId: ctx.sessionId,
      studentId: ctx.studentId,
      status: ctx.status,
      markedBy: ctx.teacherId,
      reason: ctx.reason,
      at: ctx.clock.now(),
    });
    await ctx.audit.record(tx, {
      ...ctx.actor,
      action: 'checkin.marked',
      entity: 'checkin',
      entityId: checkin.id,
      changes: {
        session_id: ctx.sessionId,
        student_id: ctx.studentId,
        status: ctx.status,
        previous_status: before?.status ?? null,
        reason_chars: ctx.reason.length,
      },
    });
    return { checkin, created: !before, student };
  });
}

export async function unmarkStudent(
  ctx: MarkContext,
): Promise<{ removed: CheckinRow; student: MarkedStudent }> {
  return ctx.db.transaction(async (tx) => {
    const student = await checkAccess(tx, ctx);
    const removed = await repo.deleteCheckin(tx, ctx.sessionId, ctx.studentId);
    if (!removed) throw notFound('Check-in of this student in this session');
    await ctx.audit.record(tx, {
      ...ctx.actor,
      action: 'checkin.unmarked',
      entity: 'checkin',
      entityId: removed.id,
      changes: {
        session_id: ctx.sessionId,
        student_id: ctx.studentId,
        previous_status: removed.status,
        previous_source: removed.source,
        reason_chars: ctx.reason.length,
      },
    });
    return { removed, student };
  });
}
