// Who may see a course: its teachers (course_teachers) and its enrolled students. Unknown
// course: 404; a course that exists but is not the caller's: 403. The one "teaches this course"
// check of ATTN: every module asks it through courses/index.ts, always as (db, courseId, userId).
import type { Db, Tx } from '@campus/platform/db';
import { forbidden, notFound } from '@campus/platform/errors';
import { type CourseRef, createCoursesRepository } from '../courses.repository.ts';

type Queryable = Db | Tx;
const repoOn = (q: Queryable) => createCoursesRepository(() => q as Db);

/** The decision once the facts are known: the course, or why not (pure, unit-tested). */
export function courseAccess(
  course: CourseRef | undefined,
  linked: boolean,
  refusal: string,
): { ok: true; course: CourseRef } | { ok: false; error: Error } {
  if (!course) return { ok: false, error: notFound('Course') };
  if (!linked) return { ok: false, error: forbidden(refusal) };
  return { ok: true, course };
}

const decide = (result: ReturnType<typeof courseAccess>): CourseRef => {
  if (!result.ok) throw result.error;
  return result.course;
};

/** The course, if `teacherId` teaches it; else 404 (no such course) or 403. */
export async function assertTeaches(q: Queryable, courseId: string, teacherId: string): Promise<CourseRef> {
  const repo = repoOn(q);
  const course = await repo.getRef(courseId, q);
  const teaches = course ? await repo.teaches(courseId, teacherId, q) : false;
  return decide(courseAccess(course, teaches, 'You do not teach this course'));
}

/** The course, if `studentId` is on its roster; else 404 (no such course) or 403. */
export async function assertEnrolled(q: Queryable, courseId: string, studentId: string): Promise<CourseRef> {
  const repo = repoOn(q);
  const course = await repo.getRef(courseId, q);
  const enrolled = course ? await repo.isEnrolled(courseId, studentId, q) : false;
  return decide(courseAccess(course, enrolled, 'You are not enrolled in this course'));
}

/** Who may manage a course's attendance: its teachers, and admins. */
export interface Manager {
  userId: string;
  role: string;
}

/** The course, if `user` is an admin or teaches it; else 404 (no such course) or 403. */
export async function assertManages(q: Queryable, courseId: string, user: Manager): Promise<CourseRef> {
  if (user.role !== 'admin') return assertTeaches(q, courseId, user.userId);
  const course = await repoOn(q).getRef(courseId, q);
  return decide(courseAccess(course, true, ''));
}

export async function isEnrolled(q: Queryable, courseId: string, studentId: string): Promise<boolean> {
  return repoOn(q).isEnrolled(courseId, studentId, q);
}

/** Locks the course for the rest of the transaction; false when there is no such course. */
export async function lockCourse(tx: Tx, courseId: string): Promise<boolean> {
  return Boolean(await repoOn(tx).lockCourse(courseId, tx));
}
