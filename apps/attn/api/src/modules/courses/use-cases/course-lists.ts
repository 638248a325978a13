// The courses as teachers and students list them, and an admin's pages of terms and courses.
// Reads only: callers that show one course check access first (course-access.ts).
import { notFound } from '@campus/platform/errors';
import type { CoursesContext } from '../courses.context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';

type Reader = Pick<CoursesContext, 'repo'>;

export const listTeacherCourses = (ctx: Reader, input: { teacherId: string }) =>
  ctx.repo.listForTeacher(input.teacherId);

export const listStudentCourses = (ctx: Reader, input: { studentId: string }) =>
  ctx.repo.listForStudent(input.studentId);

/** One course with its term and roster (404 when unknown). */
export async function getCourseWithRoster(ctx: Reader, input: { courseId: string }) {
  const course = await ctx.repo.getWithTerm(input.courseId);
  if (!course) throw notFound('Course');
  return { course, roster: await ctx.repo.listRoster(input.courseId) };
}

export const listTerms = (ctx: Reader) => ctx.repo.listTerms();

/** A page of courses by code; `before` is the cursor the previous page gave out. */
export async function findCoursesPage(
  ctx: Reader,
  input: { termId?: string; limit: number; before?: string },
) {
  const after = input.before ? decodeCursor(input.before, 2) : undefined;
  const rows = await ctx.repo.findPage(
    { termId: input.termId },
    { limit: input.limit, after: after ? { code: after[0] as string, id: after[1] as string } : undefined },
  );
  const last = rows[rows.length - 1];
  return {
    rows,
    nextBefore: rows.length === input.limit && last ? encodeCursor([last.code, last.id]) : null,
  };
}
