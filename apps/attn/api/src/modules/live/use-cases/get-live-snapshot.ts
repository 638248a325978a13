// What a teacher's live stream starts from: the session's check-ins so far, for a teacher of
// the session's course only (unknown session: 404; someone else's course: 403).
import type { Db } from '@campus/platform/db';
import type { LiveCheckin, LiveSnapshot } from '../../../live-channel.ts';
import { listLiveCheckins } from '../../attendance/index.ts';
import { getTeacherSession } from '../../sessions/index.ts';

type LiveRow = Awaited<ReturnType<typeof listLiveCheckins>>[number];

/** A check-in as the stream carries it (pure). */
export const toLiveCheckin = (r: LiveRow): LiveCheckin => ({
  id: r.id,
  student: { id: r.studentId, school_number: r.schoolNumber, full_name: r.fullName },
  status: r.status,
  checked_in_at: r.checkedInAt.toISOString(),
  verification: r.verification,
  device_flagged: Boolean(r.deviceFlagged),
  source: r.source,
});

export async function getLiveSnapshot(
  ctx: { db: () => Db },
  input: { teacherId: string; sessionId: string },
): Promise<LiveSnapshot> {
  await getTeacherSession(ctx.db(), input);
  const rows = await listLiveCheckins(ctx.db, input.sessionId);
  return { type: 'snapshot', session_id: input.sessionId, checkins: rows.map(toLiveCheckin) };
}
