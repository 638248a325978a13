// What a teacher's live stream starts from: the session's check-ins so far, for a teacher of
// the session's course only (unknown session: 404; someone else's course: 403).
import type { Db } from '@campus/platform/db/database.ts';
import { notFound } from '@campus/platform/errors.ts';
import { assertTeaches } from '../../courses/course-access.ts';
import type { LiveRepository } from '../live.repository.ts';
import type { LiveSnapshot } from '../live.schemas.ts';

export async function getLiveSnapshot(opts: {
  db: Db;
  repo: LiveRepository;
  teacherId: string;
  sessionId: string;
}): Promise<LiveSnapshot> {
  const session = await opts.repo.getSession(opts.sessionId);
  if (!session) throw notFound('Attendance session');
  await assertTeaches(opts.db, session.courseId, opts.teacherId);
  const rows = await opts.repo.listCheckins(opts.sessionId);
  return {
    type: 'snapshot',
    session_id: opts.sessionId,
    checkins: rows.map((r) => ({
      id: r.id,
      student: { id: r.studentId, school_number: r.schoolNumber, full_name: r.fullName },
      status: r.status,
      checked_in_at: r.checkedInAt.toISOString(),
      verification: r.verification,
      device_flagged: Boolean(r.deviceFlagged),
      source: r.source,
    })),
  };
}
