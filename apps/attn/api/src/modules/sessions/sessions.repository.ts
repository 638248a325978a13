// Queries on attendance sessions and what a teacher sees of their check-ins. No HTTP, no access
// rules: the use cases decide who may do what.
import type { Db, Tx } from '@campus/platform/db/database.ts';
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { attendanceSessions, courses, courseTeachers } from '../../db/schema/index.ts';

export type SessionRow = typeof attendanceSessions.$inferSelect;
export type NewSession = typeof attendanceSessions.$inferInsert;

/** Open at `now`: not closed by hand or by the schedule, and not past its end. */
const openAt = (now: Date) => and(isNull(attendanceSessions.closedAt), gt(attendanceSessions.endsAt, now));

export interface SessionCounts {
  enrolled: number;
  checked_in: number;
  present: number;
  late: number;
  flagged: number;
  pending_verification: number;
}

export interface TeacherCheckin {
  id: string;
  student_id: string;
  school_number: string;
  full_name: string;
  status: 'present' | 'late';
  source: string;
  verification: string;
  checked_in_at: Date;
  device_flagged: boolean;
}

export function createSessionsRepository(db: () => Db) {
  return {
    async getById(id: string, tx: Db | Tx = db()): Promise<SessionRow | undefined> {
      const [row] = await tx.select().from(attendanceSessions).where(eq(attendanceSessions.id, id));
      return row;
    },

    /** Locks the course row so that two teachers opening a session at once queue behind each other. */
    async lockCourse(courseId: string, tx: Tx) {
      const [row] = await tx
        .select({ id: courses.id })
        .from(courses)
        .where(eq(courses.id, courseId))
        .for('update');
      return row;
    },

    /** The course as the projector names it. */
    async getCourse(courseId: string, tx: Db | Tx = db()) {
      const [row] = await tx
        .select({ id: courses.id, code: courses.code, title: courses.title })
        .from(courses)
        .where(eq(courses.id, courseId));
      return row;
    },

    async courseExists(courseId: string, tx: Db | Tx = db()): Promise<boolean> {
      const [row] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId));
      return Boolean(row);
    },

    async teaches(teacherId: string, courseId: string, tx: Db | Tx = db()): Promise<boolean> {
      const [row] = await tx
        .select({ id: courseTeachers.courseId })
        .from(courseTeachers)
        .where(and(eq(courseTeachers.courseId, courseId), eq(courseTeachers.teacherId, teacherId)));
      return Boolean(row);
    },

    async findOpenForCourse(courseId: string, now: Date, tx: Db | Tx = db()) {
      const [row] = await tx
        .select({ id: attendanceSessions.id })
        .from(attendanceSessions)
        .where(and(eq(attendanceSessions.courseId, courseId), openAt(now)))
        .limit(1);
      return row;
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

    async counts(session: SessionRow, tx: Db | Tx = db()): Promise<SessionCounts> {
      const result = (await tx.execute(sql`
        select (select count(*) from enrollments e where e.course_id = ${session.courseId})::int as enrolled,
               count(*)::int as checked_in,
               count(*) filter (where c.status = 'present')::int as present,
               count(*) filter (where c.status = 'late')::int as late,
               count(*) filter (where c.verification in ('pending', 'needs_review'))::int as pending_verification,
               count(*) filter (where c.device_id is not null and exists (
                 select 1 from checkins o
                  where o.session_id = c.session_id and o.device_id = c.device_id
                    and o.student_id <> c.student_id))::int as flagged
          from checkins c where c.session_id = ${session.id}`)) as unknown as { rows: SessionCounts[] };
      const row = result.rows[0];
      if (!row) throw new Error('counts returned nothing');
      return row;
    },

    /** Every check-in of the session, oldest first; a device used by several students is flagged. */
    async listCheckins(sessionId: string, tx: Db | Tx = db()): Promise<TeacherCheckin[]> {
      const result = (await tx.execute(sql`
        select c.id, c.student_id, u.school_number, u.full_name, c.status, c.source, c.verification,
               c.checked_in_at,
               (c.device_id is not null and count(*) over (partition by c.device_id) > 1) as device_flagged
          from checkins c join users u on u.id = c.student_id
         where c.session_id = ${sessionId}
         order by c.checked_in_at, c.id`)) as unknown as { rows: TeacherCheckin[] };
      return result.rows.map((r) => ({ ...r, checked_in_at: new Date(r.checked_in_at) }));
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
