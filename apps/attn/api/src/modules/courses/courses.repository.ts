// Queries on terms, courses and rosters as teachers, students and admins see them.
import type { Db } from '@campus/platform/db/database.ts';
import { and, asc, count, desc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  attendanceSessions,
  courses,
  courseTeachers,
  enrollments,
  terms,
  users,
} from '../../db/schema/index.ts';

export type TermRow = typeof terms.$inferSelect;

const courseWithTerm = {
  id: courses.id,
  code: courses.code,
  title: courses.title,
  termId: terms.id,
  termTitle: terms.title,
  termStartsOn: terms.startsOn,
  termEndsOn: terms.endsOn,
};
const rosterSize = sql<number>`(select count(*)::int from ${enrollments} where ${enrollments.courseId} = ${courses.id})`;

export type CourseListRow = {
  id: string;
  code: string;
  title: string;
  termId: string;
  termTitle: string;
  termStartsOn: string;
  termEndsOn: string;
  rosterSize: number;
};

export interface OpenSessionRow {
  id: string;
  courseId: string;
  endsAt: Date;
  selfieRequired: boolean;
  /** Whether the student asked about has checked in to it (false when none was). */
  checkedIn: boolean;
}

export function createCoursesRepository(db: () => Db) {
  return {
    /** The courses a teacher teaches, newest term first. */
    async listForTeacher(teacherId: string): Promise<CourseListRow[]> {
      return db()
        .select({ ...courseWithTerm, rosterSize })
        .from(courseTeachers)
        .innerJoin(courses, eq(courses.id, courseTeachers.courseId))
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(eq(courseTeachers.teacherId, teacherId))
        .orderBy(sql`${terms.startsOn} desc`, asc(courses.code));
    },

    /** The courses a student is enrolled in, newest term first. */
    async listForStudent(studentId: string): Promise<Omit<CourseListRow, 'rosterSize'>[]> {
      return db()
        .select(courseWithTerm)
        .from(enrollments)
        .innerJoin(courses, eq(courses.id, enrollments.courseId))
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(eq(enrollments.studentId, studentId))
        .orderBy(sql`${terms.startsOn} desc`, asc(courses.code));
    },

    async getWithTerm(courseId: string): Promise<CourseListRow | undefined> {
      const [row] = await db()
        .select({ ...courseWithTerm, rosterSize })
        .from(courses)
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(eq(courses.id, courseId));
      return row;
    },

    /** The enrolled students of a course, by school number. */
    async listRoster(courseId: string) {
      return db()
        .select({ id: users.id, schoolNumber: users.schoolNumber, fullName: users.fullName })
        .from(enrollments)
        .innerJoin(users, eq(users.id, enrollments.studentId))
        .where(eq(enrollments.courseId, courseId))
        .orderBy(asc(users.schoolNumber));
    },

    /**
     * The sessions open at `now` in these courses (one per course at most: opening locks the
     * course), with whether `studentId` has checked in to each.
     */
    async listOpenSessions(courseIds: string[], now: Date, studentId?: string): Promise<OpenSessionRow[]> {
      if (courseIds.length === 0) return [];
      const checkedIn = studentId
        ? // Spelled out: inside a one-table select the query builder leaves columns unqualified.
          sql<boolean>`exists (select 1 from checkins c
                                 where c.session_id = attendance_sessions.id and c.student_id = ${studentId})`
        : sql<boolean>`false`;
      return db()
        .select({
          id: attendanceSessions.id,
          courseId: attendanceSessions.courseId,
          endsAt: attendanceSessions.endsAt,
          selfieRequired: attendanceSessions.selfieRequired,
          checkedIn,
        })
        .from(attendanceSessions)
        .where(
          and(
            inArray(attendanceSessions.courseId, courseIds),
            isNull(attendanceSessions.closedAt),
            gt(attendanceSessions.endsAt, now),
          ),
        )
        .orderBy(desc(attendanceSessions.openedAt));
    },

    /** Every term (a small set), newest first. */
    async listTerms(): Promise<TermRow[]> {
      return db().select().from(terms).orderBy(sql`${terms.startsOn} desc`, asc(terms.title));
    },

    /** A page of courses by (code, id), optionally of one term; `after` is the last row of the previous page. */
    async findPage(
      filter: { termId?: string },
      page: { limit: number; after?: { code: string; id: string } },
    ) {
      const where: SQL[] = [];
      if (filter.termId) where.push(eq(courses.termId, filter.termId));
      if (page.after) {
        const { code, id } = page.after;
        where.push(or(gt(courses.code, code), and(eq(courses.code, code), gt(courses.id, id))) as SQL);
      }
      return db()
        .select({
          ...courseWithTerm,
          rosterSize,
          teacherCount: sql<number>`(select ${count()}::int from ${courseTeachers} where ${courseTeachers.courseId} = ${courses.id})`,
        })
        .from(courses)
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(and(...where))
        .orderBy(asc(courses.code), asc(courses.id))
        .limit(page.limit);
    },
  };
}
