// What a teacher sees of one of their sessions: the session with its attendance counts and its
// course (the projector), and every check-in so far. Unknown session: 404; someone else's: 403.
import { getTeacherSession, sessionView } from '../../sessions/index.ts';
import type { AttendanceContext } from '../attendance.context.ts';

type Input = { teacherId: string; sessionId: string };

export async function getSessionOverview(
  ctx: Pick<AttendanceContext, 'db' | 'checkins' | 'clock'>,
  input: Input,
) {
  const { session, course } = await getTeacherSession(ctx.db(), input);
  const counts = await ctx.checkins.counts(session);
  return {
    ...sessionView(session, ctx.clock.nowMs()),
    counts,
    course: { id: course.id, code: course.code, title: course.title },
  };
}

export async function listSessionCheckins(ctx: Pick<AttendanceContext, 'db' | 'checkins'>, input: Input) {
  const { session } = await getTeacherSession(ctx.db(), input);
  const rows = await ctx.checkins.listForSession(session.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      student: { id: r.student_id, school_number: r.school_number, full_name: r.full_name },
      status: r.status,
      source: r.source,
      verification: r.verification,
      checked_in_at: r.checked_in_at.toISOString(),
      device_flagged: r.device_flagged,
    })),
  };
}
