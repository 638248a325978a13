// Who may see a course: its teachers (course_teachers) and its enrolled students. Unknown
// course: 404; a course that exists but is not the caller's: 403. Routes and use cases of the
// courses and reports modules call these before reading anything of a course.

import type { Db, Tx } from '@campus/platform/db/database.ts';
import { forbidden, notFound } from '@campus/platform/errors.ts';
import { and, eq } from 'drizzle-orm';
import { courses, courseTeachers, enrollments, terms } from '../../db/schema/index.ts';

export interface CourseRef {
  id: string;
  code: string;
  title: string;
  termId: string;
  termArchivedAt: Date | null;
}

async function getCourse(db: Db | Tx, courseId: string): Promise<CourseRef> {
  const [row] = await db
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
  if (!row) throw notFound('Course');
  return row;
}

/** The course, if `teacherId` teaches it; else 404 (no such course) or 403. */
export async function assertTeaches(db: Db | Tx, courseId: string, teacherId: string): Promise<CourseRef> {
  const course = await getCourse(db, courseId);
  const [link] = await db
    .select({ id: courseTeachers.teacherId })
    .from(courseTeachers)
    .where(and(eq(courseTeachers.courseId, courseId), eq(courseTeachers.teacherId, teacherId)));
  if (!link) throw forbidden('You do not teach this course');
  return course;
}

/** The course, if `studentId` is on its roster; else 404 (no such course) or 403. */
export async function assertEnrolled(db: Db | Tx, courseId: string, studentId: string): Promise<CourseRef> {
  const course = await getCourse(db, courseId);
  if (!(await isEnrolled(db, courseId, studentId))) throw forbidden('You are not enrolled in this course');
  return course;
}

export async function isEnrolled(db: Db | Tx, courseId: string, studentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: enrollments.studentId })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.studentId, studentId)));
  return Boolean(row);
}
