// Attendance sessions and check-ins written straight into the database, so the report tests
// do not depend on the sessions and check-in routes.
import { attendanceSessions, checkins } from '../../src/db/schema/index.ts';
import type { AttnTest, TestCourse } from '../helpers.ts';

/** A session of the course that opened `hoursAgo` before the clock and lasted an hour (still open if `open`). */
export async function addSession(
  t: AttnTest,
  course: TestCourse,
  opts: { hoursAgo: number; open?: boolean; title?: string },
): Promise<string> {
  const opened = new Date(t.clock.nowMs() - opts.hoursAgo * 3600_000);
  const ends = new Date(opened.getTime() + (opts.open ? opts.hoursAgo + 1 : 1) * 3600_000);
  const [row] = await t.app.db
    .insert(attendanceSessions)
    .values({
      courseId: course.id,
      openedBy: course.teacher.id,
      title: opts.title ?? null,
      openedAt: opened,
      endsAt: ends,
      closedAt: opts.open ? null : ends,
      codeStepSeconds: 10,
      lateAfterMinutes: 10,
    })
    .returning({ id: attendanceSessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return row.id;
}

export async function addCheckin(
  t: AttnTest,
  sessionId: string,
  studentId: string,
  status: 'present' | 'late' = 'present',
): Promise<string> {
  const [row] = await t.app.db
    .insert(checkins)
    .values({ sessionId, studentId, status, checkedInAt: t.clock.now(), source: 'code', deviceId: 'd1' })
    .returning({ id: checkins.id });
  if (!row) throw new Error('check-in insert returned nothing');
  return row.id;
}
