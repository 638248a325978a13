// Queries on attendance sessions. No HTTP, no access rules: the use cases decide who may do what.
import type { Db, Tx } from '@campus/platform/db';
import { and, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { attendanceSessions } from '../../db/schema/index.ts';

export type SessionRow = typeof attendanceSessions.$inferSelect;
export type NewSession = typeof attendanceSessions.$inferInsert;

/** Open at `now`: not closed by hand or by the schedule, and not past its end. */
const openAt = (now: Date) => and(isNull(attendanceSessions.closedAt), gt(attendanceSessions.endsAt, now));

export function createSessionsRepository(db: () => Db) {
  return {
    async getById(id: string, tx: Db | Tx = db()): Promise<SessionRow | undefined> {
      const [row] = await tx.select().from(attendanceSessions).where(eq(attendanceSessions.id, id));
      return row;
    },

    async findOpenForCourse(courseId: string, now: Date, tx: Db | Tx = db()) {
      const [row] = await tx
        .select({ id: attendanceSessions.id })
        .from(attendanceSessions)
        .where(and(eq(attendanceSessions.courseId, courseId), openAt(now)))
        .limit(1);
      return row;
    },

    /** The sessions open at `now` in these courses, newest first (one per course at most). */
    async listOpenIn(courseIds: string[], now: Date, tx: Db | Tx = db()) {
      if (courseIds.length === 0) return [];
      return tx
        .select({
          id: attendanceSessions.id,
          courseId: attendanceSessions.courseId,
          endsAt: attendanceSessions.endsAt,
          selfieRequired: attendanceSessions.selfieRequired,
        })
        .from(attendanceSessions)
        .where(and(inArray(attendanceSessions.courseId, courseIds), openAt(now)))
        .orderBy(desc(attendanceSessions.openedAt));
    },

    async insert(values: NewSession, tx: Db | Tx = db()): Promise<SessionRow> {
      const [row] = await tx.insert(attendanceSessions).values(values).returning();
      if (!row) throw new Error('session insert returned nothing');
      return row;
    },

    /** Closes it if still open; returns the row when this call closed it. */
    async close(id: string, at: Date, tx: Db | Tx = db()): Promise<SessionRow | undefined> {
      const [row] = await tx
        .update(attendanceSessions)
        .set({ closedAt: at })
        .where(and(eq(attendanceSessions.id, id), openAt(at)))
        .returning();
      return row;
    },

    /** Marks every session past its end as closed (at its end); returns the ids. */
    async closeExpired(now: Date, tx: Db | Tx = db()): Promise<{ id: string; closedAt: Date }[]> {
      return tx
        .update(attendanceSessions)
        .set({ closedAt: sql`${attendanceSessions.endsAt}` })
        .where(and(isNull(attendanceSessions.closedAt), lte(attendanceSessions.endsAt, now)))
        .returning({ id: attendanceSessions.id, closedAt: attendanceSessions.endsAt });
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
