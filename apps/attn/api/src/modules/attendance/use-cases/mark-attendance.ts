// A teacher marks a student present or late by hand, or removes a check-in, always with a
// reason. The reason stays on the check-in row, where the course's teachers read it; the
// audit log, which is append-only and can never be redacted, records only the reason's length:
// a reason often carries health or family matters ("in hospital"), which must not be frozen
// there. The audit entry is written in the same transaction as the change; the teacher's live
// screen hears of it after the commit.
import type { Tx } from '@campus/platform/db';
import { AppError, notFound } from '@campus/platform/errors';
import { assertTeaches, isEnrolled } from '../../courses/index.ts';
import { getSession } from '../../sessions/index.ts';
import type { Actor, AttendanceContext } from '../attendance.context.ts';
import { type CheckinRow, type MarkedStudent, marksRepository as repo } from '../marks.repository.ts';

type MarkContext = Pick<AttendanceContext, 'db' | 'audit' | 'clock' | 'live'>;

interface MarkInput {
  actor: Actor;
  teacherId: string;
  sessionId: string;
  studentId: string;
  reason: string;
}

/** The student, once the caller is known to teach the session's course and the student is on its roster. */
async function checkAccess(tx: Tx, input: MarkInput): Promise<MarkedStudent> {
  const session = await getSession(tx, input.sessionId);
  if (!session) throw notFound('Attendance session');
  const course = await assertTeaches(tx, session.courseId, input.teacherId);
  if (course.termArchivedAt)
    throw new AppError('CONFLICT', 'This term’s attendance is archived: it can no longer change');
  const student = await repo.getStudent(tx, input.studentId);
  if (!student || !(await isEnrolled(tx, session.courseId, input.studentId)))
    throw notFound('Student on this course’s roster');
  return student;
}

export async function markStudent(
  ctx: MarkContext,
  input: MarkInput & { status: 'present' | 'late' },
): Promise<{ checkin: CheckinRow; created: boolean }> {
  const { checkin, created, student } = await ctx.db().transaction(async (tx) => {
    const student = await checkAccess(tx, input);
    const before = await repo.findCheckinForUpdate(tx, input.sessionId, input.studentId);
    const checkin = await repo.upsertMark(tx, {
      sessionId: input.sessionId,
      studentId: input.studentId,
      status: input.status,
      markedBy: input.teacherId,
      reason: input.reason,
      at: ctx.clock.now(),
    });
    await ctx.audit.record(tx, {
      ...input.actor,
      action: 'checkin.marked',
      entity: 'checkin',
      entityId: checkin.id,
      changes: {
        session_id: input.sessionId,
        student_id: input.studentId,
        status: input.status,
        previous_status: before?.status ?? null,
        reason_chars: input.reason.length,
      },
    });
    return { checkin, created: !before, student };
  });
  ctx.live.publish(checkin.sessionId, {
    type: 'mark',
    id: checkin.id,
    student,
    status: checkin.status,
    checked_in_at: checkin.checkedInAt.toISOString(),
    verification: checkin.verification,
    source: checkin.source,
  });
  return { checkin, created };
}

export async function unmarkStudent(ctx: MarkContext, input: MarkInput): Promise<CheckinRow> {
  const { removed, student } = await ctx.db().transaction(async (tx) => {
    const student = await checkAccess(tx, input);
    const removed = await repo.deleteCheckin(tx, input.sessionId, input.studentId);
    if (!removed) throw notFound('Check-in of this student in this session');
    await ctx.audit.record(tx, {
      ...input.actor,
      action: 'checkin.unmarked',
      entity: 'checkin',
      entityId: removed.id,
      changes: {
        session_id: input.sessionId,
        student_id: input.studentId,
        previous_status: removed.status,
        previous_source: removed.source,
        reason_chars: input.reason.length,
      },
    });
    return { removed, student };
  });
  ctx.live.publish(removed.sessionId, { type: 'unmark', student });
  return removed;
}
