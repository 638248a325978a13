// Attendance rates: of a whole course (per enrolled student) and of one student in one course
// (per session). Callers check access first; these only read.
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { createReportsRepository, SessionRow } from '../reports.repository.ts';

type Repo = ReturnType<typeof createReportsRepository>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const rate = (attended: number, held: number) =>
  held === 0 ? null : Math.round((attended / held) * 10_000) / 10_000;

export async function courseReport(repo: Repo, clock: Clock, courseId: string) {
  const rows = await repo.courseSummary(courseId, clock.now());
  const sessionsHeld = rows[0]?.held ?? (await repo.heldSessions(courseId, clock.now())).length;
  return {
    course_id: courseId,
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

function attendance(s: SessionRow) {
  if (s.status) return s.status;
  return s.held ? ('absent' as const) : ('not_yet' as const);
}

export async function studentReport(repo: Repo, clock: Clock, courseId: string, studentId: string) {
  const sessions = await repo.studentSessions(courseId, studentId, clock.now());
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
