// Queries of marking by hand: the student being marked, and their check-in in the session.
import type { Tx } from '@campus/platform/db';
import { and, eq, sql } from 'drizzle-orm';
import { checkins, users } from '../../db/schema/index.ts';

export type CheckinRow = typeof checkins.$inferSelect;
export type MarkedStudent = { id: string; school_number: string; full_name: string };
const once = (sessionId: string, studentId: string) =>
  and(eq(checkins.sessionId, sessionId), eq(checkins.studentId, studentId));

export const marksRepository = {
  async getStudent(tx: Tx, studentId: string): Promise<MarkedStudent | undefined> {
    const [row] = await tx
      .select({ id: users.id, school_number: users.schoolNumber, full_name: users.fullName })
      .from(users)
      .where(eq(users.id, studentId));
    return row;
  },

  /** Locks the row so a concurrent mark or check-in waits for this one. */
  async findCheckinForUpdate(tx: Tx, sessionId: string, studentId: string): Promise<CheckinRow | undefined> {
    const [row] = await tx.select().from(checkins).where(once(sessionId, studentId)).for('update');
    return row;
  },

  /** Marks by hand: a new 'manual' row, or, if the student checked in meanwhile, their row updated. */
  async upsertMark(
    tx: Tx,
    mark: {
      sessionId: string;
      studentId: string;
      status: 'present' | 'late';
      markedBy: string;
      reason: string;
      at: Date;
    },
  ): Promise<CheckinRow> {
    const [row] = await tx
      .insert(checkins)
      .values({
        sessionId: mark.sessionId,
        studentId: mark.studentId,
        status: mark.status,
        checkedInAt: mark.at,
        source: 'manual',
        markedBy: mark.markedBy,
        reason: mark.reason,
      })
      .onConflictDoUpdate({
        target: [checkins.sessionId, checkins.studentId],
        set: {
          status: sql`excluded.status`,
          markedBy: sql`excluded.marked_by`,
          reason: sql`excluded.reason`,
        },
      })
      .returning();
    if (!row) throw new Error('check-in upsert returned nothing');
    return row;
  },

  async deleteCheckin(tx: Tx, sessionId: string, studentId: string): Promise<CheckinRow | undefined> {
    const [row] = await tx.delete(checkins).where(once(sessionId, studentId)).returning();
    return row;
  },
};
