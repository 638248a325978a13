// Queries on terms, courses and rosters as teachers, students and admins see them, and the
// facts access is decided on (who teaches a course, who is on its roster).
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, count, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import { courses, courseTeachers, enrollments, terms, users } from '../../db/schema/index.ts';

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

export interface CourseRef {
  id: string;
  code: string;
  title: string;
  termId: string;
  termArchivedAt: Date | null;
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

    /** The course with its term's archive mark (what access checks and marks need). */
    async getRef(courseId: string, tx: Db | Tx = db()): Promise<CourseRef | undefined> {
      const [row] = await tx
        .select({
          id: courses.id,
          code: courses.code,
          title: courses.title,
          termId: courses.termId,
          termArchivedAt: terms.archivedAt,
        })
        .from(courses)
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(eq(courses.id, courseId));
      return row;
    },

    async teaches(courseId: string, teacherId: string, tx: Db | Tx = db()): Promise<boolean> {
      const [link] = await tx
        .select({ id: courseTeachers.teacherId })
        .from(courseTeachers)
        .where(and(eq(courseTeachers.courseId, courseId), eq(courseTeachers.teacherId, teacherId)));
      return Boolean(link);
    },

    async isEnrolled(courseId: string, studentId: string, tx: Db | Tx = db()): Promise<boolean> {
      const [row] = await tx
        .select({ id: enrollments.studentId })
        .from(enrollments)
        .where(and(eq(enrollments.courseId, courseId), eq(enrollments.studentId, studentId)));
      return Boolean(row);
    },

    /** Locks the course row until the transaction ends: two sessions opened at once queue behind it. */
    async lockCourse(courseId: string, tx: Tx) {
      const [row] = await tx
        .select({ id: courses.id })
        .from(courses)
        .where(eq(courses.id, courseId))
        .for('update');
      return row;
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
export type CoursesRepository = ReturnType<typeof createCoursesRepository>;
