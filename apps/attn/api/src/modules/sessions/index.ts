// What other modules may use of the sessions module: the module, the teacher's access to a
// session, the open sessions of courses, the session as a check-in needs it (its row, the
// rotating code's key and check, the allowed networks), and the shapes of the answers.
import type { Db, Tx } from '@campus/platform/db';
import { createSessionsRepository } from './sessions.repository.ts';

export { networkAllows, networkList } from './networks.ts';
export { checkCode, sessionCodeKey } from './session-codes.ts';
export { sessionView } from './session-view.ts';
export { sessionsModule } from './sessions.module.ts';
export type { SessionRow } from './sessions.repository.ts';
export type { CodeResponse, OpenSessionBody } from './sessions.schemas.ts';
export { SessionDetailResponse, SessionParams, SessionResponse } from './sessions.schemas.ts';
export { getTeacherSession } from './use-cases/get-teacher-session.ts';

/** A session by id (what a check-in reads, through its cache; a mark, in its transaction). */
export const getSession = (q: Db | Tx, sessionId: string) =>
  createSessionsRepository(() => q as Db).getById(sessionId, q);

/** The sessions open at `now` in these courses, newest first. */
export const listOpenSessions = (db: () => Db, courseIds: string[], now: Date) =>
  createSessionsRepository(db).listOpenIn(courseIds, now);
