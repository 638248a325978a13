// Closing a session early (a teacher) or past its end (the schedule). Closing twice is not an
// error: the second call finds it closed and changes nothing. Each close is audited with the
// change and announced to the teacher's live view. Check-ins stop at once on every instance:
// the check-in insert itself requires closed_at to be null, whatever a cache holds.
import type { Logger } from 'pino';
import type { Actor, SessionsContext } from '../sessions.context.ts';
import type { SessionRow } from '../sessions.repository.ts';
import { getTeacherSession } from './get-teacher-session.ts';

type CloseContext = Pick<SessionsContext, 'db' | 'repo' | 'audit' | 'clock' | 'onClosed'>;

/** A teacher closes one of their sessions now. */
export async function closeSession(
  ctx: CloseContext,
  input: { teacherId: string; sessionId: string; actor: Actor },
): Promise<SessionRow> {
  const { session } = await getTeacherSession(ctx.db(), input);
  const closed = await ctx.db().transaction(async (tx) => {
    const row = await ctx.repo.close(session.id, ctx.clock.now(), tx);
    if (row)
      await ctx.audit.record(tx, {
        ...input.actor,
        action: 'attendance_session.closed',
        entity: 'attendance_session',
        entityId: session.id,
        changes: { by: 'teacher' },
      });
    return row;
  });
  if (closed?.closedAt) ctx.onClosed(session.id, closed.closedAt);
  return closed ?? (await ctx.repo.getById(session.id)) ?? session;
}

/** The schedule's sweep: sessions past their end get closed_at = ends_at, audited. */
export async function closeExpiredSessions(ctx: CloseContext, logger: Logger): Promise<number> {
  const closed = await ctx.db().transaction(async (tx) => {
    const rows = await ctx.repo.closeExpired(ctx.clock.now(), tx);
    await ctx.audit.record(
      tx,
      ...rows.map((r) => ({
        action: 'attendance_session.closed',
        entity: 'attendance_session',
        entityId: r.id,
        changes: { by: 'schedule' },
      })),
    );
    return rows;
  });
  for (const row of closed) {
    ctx.onClosed(row.id, row.closedAt);
    logger.info({ event: 'attendance_session.closed', sessionId: row.id, by: 'schedule' }, 'session closed');
  }
  return closed.length;
}
