// Attendance rates: of a whole course (per enrolled student) and of one student in one course
// (per session), for the course's teachers; a student's own, in one of their courses. The rate
// and a session's attendance are pure rules, unit-tested beside this file.
import { notFound } from '@campus/platform/errors';
import type { ReportSessionRow } from '../../attendance/index.ts';
import { assertEnrolled, assertTeaches, isEnrolled } from '../../courses/index.ts';
import type { ReportsContext } from '../reports.context.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** attended / held to four places; null before any session was held. */
export const rate = (attended: number, held: number) =>
  held === 0 ? null : Math.round((attended / held) * 10_000) / 10_000;

/** A session as a student's line shows it: their status, else absent once held, else not yet. */
export function attendance(s: Pick<ReportSessionRow, 'status' | 'held'>) {
  if (s.status) return s.status;
  return s.held ? ('absent' as const) : ('not_yet' as const);
}

export async function getCourseReport(ctx: ReportsContext, input: { teacherId: string; courseId: string }) {
  await assertTeaches(ctx.db(), input.courseId, input.teacherId);
  const rows = await ctx.reports.courseSummary(input.courseId, ctx.clock.now());
  const sessionsHeld =
    rows[0]?.held ?? (await ctx.reports.heldSessions(input.courseId, ctx.clock.now())).length;
  return {
    course_id: input.courseId,
    sessions_held: sessionsHeld,
    students: rows.map((r) => ({
      id: r.id,
      school_number: r.school_number,
      full_name: r.full_name,
      sessions_held: r.held,
      attended: r.attended,
      late: r.late,
      rate: rate(r.attended, r.held),
    })),
  };
}

async function studentReport(ctx: ReportsContext, courseId: string, studentId: string) {
  const sessions = await ctx.reports.studentSessions(courseId, studentId, ctx.clock.now());
  const held = sessions.filter((s) => s.held);
  const attended = held.filter((s) => s.status).length;
  return {
    course_id: courseId,
    student_id: studentId,
    sessions_held: held.length,
    attended,
    late: held.filter((s) => s.status === 'late').length,
    rate: rate(attended, held.length),
    sessions: sessions.map((s) => ({
      session_id: s.session_id,
      title: s.title,
      opened_at: iso(s.opened_at) as string,
      ends_at: iso(s.ends_at) as string,
      closed_at: iso(s.closed_at),
      attendance: attendance(s),
      source: s.source,
      verification: s.verification,
      checked_in_at: iso(s.checked_in_at),
      reason: s.reason,
    })),
  };
}

/** One student of the teacher's course, session by session (with the teachers' reasons). */
export async function getTeacherStudentReport(
  ctx: ReportsContext,
  input: { teacherId: string; courseId: string; studentId: string },
) {
  await assertTeaches(ctx.db(), input.courseId, input.teacherId);
  if (!(await isEnrolled(ctx.db(), input.courseId, input.studentId)))
    throw notFound('Student on this course’s roster');
  return studentReport(ctx, input.courseId, input.studentId);
}

/** The student's own attendance in one of their courses (the route's schema drops `reason`). */
export async function getOwnReport(ctx: ReportsContext, input: { studentId: string; courseId: string }) {
  await assertEnrolled(ctx.db(), input.courseId, input.studentId);
  return studentReport(ctx, input.courseId, input.studentId);
}
