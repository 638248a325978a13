// Closing a session early (a teacher) or past its end (the schedule). Closing twice is not an
// error: the second call finds it closed and changes nothing. Each close is audited with the
// change and announced to the teacher's live view. Check-ins stop at once on every instance:
// the check-in insert itself requires closed_at to be null, whatever a cache holds.
import type { AuditEntry, AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db } from '@campus/platform/db/database.ts';
import type { Logger } from 'pino';
import type { SessionRow, SessionsRepository } from '../sessions.repository.ts';

export interface CloseDeps {
  db: Db;
  repo: SessionsRepository;
  audit: AuditLog;
  clock: Clock;
  /** Told of each session just closed, after the commit (the teacher's live view). */
  onClosed?: (sessionId: string, closedAt: Date) => void;
}

export async function closeSession(
  deps: CloseDeps,
  session: SessionRow,
  who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
): Promise<SessionRow> {
  const closed = await deps.db.transaction(async (tx) => {
    const row = await deps.repo.close(session.id, deps.clock.now(), tx);
    if (row)
      await deps.audit.record(tx, {
        ...who,
        action: 'attendance_session.closed',
        entity: 'attendance_session',
        entityId: session.id,
        changes: { by: 'teacher' },
      });
    return row;
  });
  if (closed?.closedAt) deps.onClosed?.(session.id, closed.closedAt);
  return closed ?? (await deps.repo.getById(session.id)) ?? session;
}

/** The schedule's sweep: sessions past their end get closed_at = ends_at, audited. */
export async function closeExpiredSessions(deps: CloseDeps, logger: Logger): Promise<number> {
  const closed = await deps.db.transaction(async (tx) => {
    const rows = await deps.repo.closeExpired(deps.clock.now(), tx);
    await deps.audit.record(
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
    deps.onClosed?.(row.id, row.closedAt);
    logger.info({ event: 'attendance_session.closed', sessionId: row.id, by: 'schedule' }, 'session closed');
  }
  return closed.length;
}
