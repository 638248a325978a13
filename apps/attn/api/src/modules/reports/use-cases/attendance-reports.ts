// Attendance rates: of a whole course (per enrolled student, over the absence limit first, and
// per held session), and of one student in one course (per session), for the course's teachers
// and admins; a student's own, in one of their courses. The rate, a session's attendance and the
// distance to the absence limit are pure rules, unit-tested beside this file.
import { notFound } from '@campus/platform/errors';
import type { ReportSessionRow } from '../../attendance/index.ts';
import {
  type AbsenceLimitRow,
  assertEnrolled,
  assertManages,
  isEnrolled,
  listAbsenceLimits,
  type Manager,
} from '../../courses/index.ts';
import type { ReportsContext } from '../reports.context.ts';
import { absenceStanding, byLimit } from './absence-standing.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** attended / held to four places; null before any session was held. */
export const rate = (attended: number, held: number) =>
  held === 0 ? null : Math.round((attended / held) * 10_000) / 10_000;

/**
 * A session as a student's line shows it: their status (unless the selfie was rejected), else
 * excused when their absence is, else absent once held, else not yet.
 */
export function attendance(
  s: Pick<ReportSessionRow, 'status' | 'held' | 'verification' | 'excuse_category'>,
) {
  if (s.status && s.verification !== 'rejected') return s.status;
  if (s.excuse_category) return 'excused' as const;
  return s.held ? ('absent' as const) : ('not_yet' as const);
}

async function limitOf(ctx: ReportsContext, courseId: string): Promise<AbsenceLimitRow> {
  const limit = (await listAbsenceLimits(ctx.db(), [courseId])).get(courseId);
  if (!limit) throw notFound('Course');
  return limit;
}

const limitInfo = (limit: AbsenceLimitRow, held: number) => ({
  percent: limit.percent,
  planned_sessions: limit.plannedSessions,
  allowed_absences: absenceStanding({
    held,
    absent: 0,
    percent: limit.percent,
    plannedSessions: limit.plannedSessions,
  }).allowed_absences,
});

function counts(held: number, attended: number, late: number, excused: number) {
  return {
    sessions_held: held,
    attended,
    present: attended - late,
    late,
    excused,
    absent: held - attended - excused,
    rate: rate(attended, held),
  };
}

export async function getCourseReport(ctx: ReportsContext, input: { user: Manager; courseId: string }) {
  await assertManages(ctx.db(), input.courseId, input.user);
  const now = ctx.clock.now();
  const [rows, sessions, limit] = [
    await ctx.reports.courseSummary(input.courseId, now),
    await ctx.reports.sessionCounts(input.courseId, now),
    await limitOf(ctx, input.courseId),
  ];
  const held = sessions.length;
  const students = rows.map((r) => {
    const c = counts(r.held, r.attended, r.late, r.excused);
    return {
      id: r.id,
      school_number: r.school_number,
      full_name: r.full_name,
      ...c,
      ...absenceStanding({
        held: r.held,
        absent: c.absent,
        percent: limit.percent,
        plannedSessions: limit.plannedSessions,
      }),
    };
  });
  return {
    course_id: input.courseId,
    sessions_held: held,
    absence_limit: limitInfo(limit, held),
    sessions: sessions.map((s) => ({
      session_id: s.session_id,
      title: s.title,
      opened_at: iso(s.opened_at) as string,
      present: s.present,
      late: s.late,
      excused: s.excused,
      absent: s.enrolled - s.present - s.late - s.excused,
    })),
    students: students.sort(byLimit),
  };
}

async function studentReport(ctx: ReportsContext, courseId: string, studentId: string) {
  const sessions = await ctx.reports.studentSessions(courseId, studentId, ctx.clock.now());
  const limit = await limitOf(ctx, courseId);
  const lines = sessions.map((s) => ({ ...s, attendance: attendance(s) }));
  const held = lines.filter((s) => s.held);
  const attended = held.filter((s) => s.attendance === 'present' || s.attendance === 'late').length;
  const late = held.filter((s) => s.attendance === 'late').length;
  const excused = held.filter((s) => s.attendance === 'excused').length;
  const c = counts(held.length, attended, late, excused);
  return {
    course_id: courseId,
    student_id: studentId,
    ...c,
    ...absenceStanding({
      held: held.length,
      absent: c.absent,
      percent: limit.percent,
      plannedSessions: limit.plannedSessions,
    }),
    absence_limit: limitInfo(limit, held.length),
    sessions: lines.map((s) => ({
      session_id: s.session_id,
      title: s.title,
      opened_at: iso(s.opened_at) as string,
      ends_at: iso(s.ends_at) as string,
      closed_at: iso(s.closed_at),
      attendance: s.attendance,
      excuse_category: s.excuse_category,
      source: s.source,
      verification: s.verification,
      checked_in_at: iso(s.checked_in_at),
      reason: s.reason,
      excuse_id: s.excuse_id,
      excuse_note: s.excuse_note,
    })),
  };
}

/** One student of the course, session by session (with the teachers' reasons and excuse notes). */
export async function getTeacherStudentReport(
  ctx: ReportsContext,
  input: { user: Manager; courseId: string; studentId: string },
) {
  await assertManages(ctx.db(), input.courseId, input.user);
  if (!(await isEnrolled(ctx.db(), input.courseId, input.studentId)))
    throw notFound('Student on this course’s roster');
  return studentReport(ctx, input.courseId, input.studentId);
}

/** The student's own attendance in one of their courses (the route's schema drops the teachers' notes). */
export async function getOwnReport(ctx: ReportsContext, input: { studentId: string; courseId: string }) {
  await assertEnrolled(ctx.db(), input.courseId, input.studentId);
  return studentReport(ctx, input.courseId, input.studentId);
}

/** The student's distance to the absence limit in each of their courses, over and near first. */
export async function getOwnAbsences(ctx: ReportsContext, input: { studentId: string }) {
  const rows = await ctx.reports.studentStanding(input.studentId, ctx.clock.now());
  const limits = await listAbsenceLimits(
    ctx.db(),
    rows.map((r) => r.course_id),
  );
  const items = rows.map((r) => {
    const limit = limits.get(r.course_id) ?? { percent: 30, plannedSessions: null };
    const absent = r.held - r.attended - r.excused;
    return {
      course: { id: r.course_id, code: r.course_code, title: r.course_title },
      sessions_held: r.held,
      absent,
      excused: r.excused,
      percent: limit.percent,
      ...absenceStanding({
        held: r.held,
        absent,
        percent: limit.percent,
        plannedSessions: limit.plannedSessions,
      }),
    };
  });
  return { items: items.sort(byLimit) };
}
