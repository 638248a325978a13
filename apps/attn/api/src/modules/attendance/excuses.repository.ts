// Every query of excused_absences: record one (once per session and student), a course's list
// with the session and the student, and removal within a course.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, eq } from 'drizzle-orm';
import { attendanceSessions, excusedAbsences, users } from '../../db/schema/index.ts';

type Q = Db | Tx;
export type ExcuseRow = typeof excusedAbsences.$inferSelect;

const listed = {
  id: excusedAbsences.id,
  sessionId: excusedAbsences.sessionId,
  sessionTitle: attendanceSessions.title,
  sessionOpenedAt: attendanceSessions.openedAt,
  studentId: users.id,
  schoolNumber: users.schoolNumber,
  fullName: users.fullName,
  category: excusedAbsences.category,
  note: excusedAbsences.note,
  recordedBy: excusedAbsences.recordedBy,
  recordedAt: excusedAbsences.recordedAt,
};

export const excusesRepository = {
  /** The new row, or undefined when the student's absence from the session is already excused. */
  async insert(tx: Tx, row: typeof excusedAbsences.$inferInsert): Promise<ExcuseRow | undefined> {
    const [created] = await tx.insert(excusedAbsences).values(row).onConflictDoNothing().returning();
    return created;
  },

  async listForCourse(q: Q, courseId: string, studentId?: string) {
    const where = [eq(attendanceSessions.courseId, courseId)];
    if (studentId) where.push(eq(excusedAbsences.studentId, studentId));
    return q
      .select(listed)
      .from(excusedAbsences)
      .innerJoin(attendanceSessions, eq(attendanceSessions.id, excusedAbsences.sessionId))
      .innerJoin(users, eq(users.id, excusedAbsences.studentId))
      .where(and(...where))
      .orderBy(asc(attendanceSessions.openedAt), asc(users.schoolNumber));
  },

  async getInCourse(q: Q, courseId: string, excuseId: string) {
    const [row] = await q
      .select(listed)
      .from(excusedAbsences)
      .innerJoin(attendanceSessions, eq(attendanceSessions.id, excusedAbsences.sessionId))
      .innerJoin(users, eq(users.id, excusedAbsences.studentId))
      .where(and(eq(attendanceSessions.courseId, courseId), eq(excusedAbsences.id, excuseId)));
    return row;
  },

  async delete(tx: Tx, excuseId: string): Promise<void> {
    await tx.delete(excusedAbsences).where(eq(excusedAbsences.id, excuseId));
  },
};
export type ListedExcuse = Awaited<ReturnType<typeof excusesRepository.listForCourse>>[number];
