// Excused absences: a teacher of the course or an admin records one for a student on the
// course's roster and one of its sessions, lists the course's, and removes one. Each change is
// audited in its transaction; the note (often about health) stays on the row for the course's
// teachers: the audit log, append-only, keeps only its length, and no log line carries it.
import { AppError, notFound } from '@campus/platform/errors';
import { assertManages, isEnrolled, type Manager } from '../../courses/index.ts';
import { getSession } from '../../sessions/index.ts';
import type { Actor, AttendanceContext } from '../attendance.context.ts';
import { type ListedExcuse, excusesRepository as repo } from '../excuses.repository.ts';
import type { ExcuseCategory } from '../excuses.schemas.ts';

type ExcuseContext = Pick<AttendanceContext, 'db' | 'audit' | 'clock'>;

export const excuseView = (e: ListedExcuse) => ({
  id: e.id,
  session_id: e.sessionId,
  session_title: e.sessionTitle,
  session_opened_at: e.sessionOpenedAt.toISOString(),
  student: { id: e.studentId, school_number: e.schoolNumber, full_name: e.fullName },
  category: e.category,
  note: e.note,
  recorded_by: e.recordedBy,
  recorded_at: e.recordedAt.toISOString(),
});

export async function listExcusedAbsences(
  ctx: Pick<AttendanceContext, 'db'>,
  input: { user: Manager; courseId: string; studentId?: string },
) {
  await assertManages(ctx.db(), input.courseId, input.user);
  return { items: (await repo.listForCourse(ctx.db(), input.courseId, input.studentId)).map(excuseView) };
}

export async function recordExcusedAbsence(
  ctx: ExcuseContext,
  input: {
    actor: Actor;
    user: Manager;
    courseId: string;
    sessionId: string;
    studentId: string;
    category: ExcuseCategory;
    note?: string;
  },
) {
  const note = input.note?.trim() || null;
  const id = await ctx.db().transaction(async (tx) => {
    await assertManages(tx, input.courseId, input.user);
    const session = await getSession(tx, input.sessionId);
    if (!session || session.courseId !== input.courseId) throw notFound('Session of this course');
    if (!(await isEnrolled(tx, input.courseId, input.studentId)))
      throw notFound('Student on this course’s roster');
    const row = await repo.insert(tx, {
      sessionId: input.sessionId,
      studentId: input.studentId,
      category: input.category,
      note,
      recordedBy: input.user.userId,
      recordedAt: ctx.clock.now(),
    });
    if (!row) throw new AppError('CONFLICT', 'This absence is already excused');
    await ctx.audit.record(tx, {
      ...input.actor,
      action: 'absence.excused',
      entity: 'excused_absence',
      entityId: row.id,
      changes: {
        course_id: input.courseId,
        session_id: input.sessionId,
        student_id: input.studentId,
        category: input.category,
        note_chars: note?.length ?? 0,
      },
    });
    return row.id;
  });
  const [listed] = (await repo.listForCourse(ctx.db(), input.courseId, input.studentId)).filter(
    (e) => e.id === id,
  );
  if (!listed) throw notFound('Excused absence');
  return excuseView(listed);
}

export async function removeExcusedAbsence(
  ctx: ExcuseContext,
  input: { actor: Actor; user: Manager; courseId: string; excuseId: string },
) {
  return ctx.db().transaction(async (tx) => {
    await assertManages(tx, input.courseId, input.user);
    const row = await repo.getInCourse(tx, input.courseId, input.excuseId);
    if (!row) throw notFound('Excused absence in this course');
    await repo.delete(tx, row.id);
    await ctx.audit.record(tx, {
      ...input.actor,
      action: 'absence.excuse_removed',
      entity: 'excused_absence',
      entityId: row.id,
      changes: {
        course_id: input.courseId,
        session_id: row.sessionId,
        student_id: row.studentId,
        category: row.category,
      },
    });
    return excuseView(row);
  });
}
