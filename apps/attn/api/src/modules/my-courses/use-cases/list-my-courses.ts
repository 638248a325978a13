// A teacher's courses (each with the session open now), one of them with its roster (teachers
// of it only), and a student's courses, each with the open session and whether they have
// checked in to it.
import { listCheckedInSessions } from '../../attendance/index.ts';
import {
  assertTeaches,
  courseView,
  getCourseWithRoster,
  listStudentCourses,
  listTeacherCourses,
} from '../../courses/index.ts';
import { listOpenSessions } from '../../sessions/index.ts';
import type { MyCoursesContext } from '../my-courses.context.ts';
import { openSessionByCourse, studentOpenSession, teacherOpenSession } from './open-sessions.ts';

const openIn = async (ctx: MyCoursesContext, courseIds: string[]) =>
  openSessionByCourse(await listOpenSessions(ctx.db, courseIds, ctx.clock.now()));

export async function listTeacherCoursePage(ctx: MyCoursesContext, input: { teacherId: string }) {
  const rows = await listTeacherCourses(ctx.courses, input);
  const open = await openIn(
    ctx,
    rows.map((c) => c.id),
  );
  return {
    items: rows.map((c) => ({
      ...courseView(c),
      roster_size: c.rosterSize,
      open_session: teacherOpenSession(open.get(c.id)),
    })),
  };
}

export async function getTeacherCoursePage(
  ctx: MyCoursesContext,
  input: { teacherId: string; courseId: string },
) {
  await assertTeaches(ctx.db(), input.courseId, input.teacherId);
  const { course, roster } = await getCourseWithRoster(ctx.courses, input);
  const open = await openIn(ctx, [input.courseId]);
  return {
    ...courseView(course),
    roster_size: course.rosterSize,
    open_session: teacherOpenSession(open.get(input.courseId)),
    roster: roster.map((s) => ({ id: s.id, school_number: s.schoolNumber, full_name: s.fullName })),
  };
}

export async function listStudentCoursePage(ctx: MyCoursesContext, input: { studentId: string }) {
  const rows = await listStudentCourses(ctx.courses, input);
  const open = await openIn(
    ctx,
    rows.map((c) => c.id),
  );
  const checkedIn = await listCheckedInSessions(
    ctx.db,
    input.studentId,
    [...open.values()].map((s) => s.id),
  );
  return {
    items: rows.map((c) => ({
      ...courseView(c),
      open_session: studentOpenSession(open.get(c.id), checkedIn),
    })),
  };
}
