// What a check-in and a check-in ticket both ask of the moment they are made: the session
// exists and is open, the proof is good (the code on the screen now, or a ticket), and the
// request comes from an allowed network. Each refusal has its own status, message and
// machine-readable reason (`details[0].reason`), which the student's screen words for itself.
import { AppError, type ErrorCode } from '@campus/platform/errors';
import { checkCode, networkAllows } from '../../sessions/index.ts';
import type { CheckinSession, SessionCache } from '../session-cache.ts';

const refuse = (code: ErrorCode, reason: string, message: string, field?: string) =>
  new AppError(code, message, { details: [{ ...(field ? { field } : {}), message, reason }] });

export const refusals = {
  unknown: () => refuse('NOT_FOUND', 'session_not_found', 'Attendance session not found', 'body.session_id'),
  closed: () => refuse('CONFLICT', 'session_closed', 'This attendance session is closed'),
  code: () =>
    refuse(
      'UNPROCESSABLE',
      'code_invalid',
      'The code is wrong or has expired: use the one on the screen now',
      'body.code',
    ),
  codeExpired: () =>
    refuse(
      'UNPROCESSABLE',
      'code_expired',
      'This code has expired: use the one on the screen now',
      'body.code',
    ),
  ticketInvalid: () =>
    refuse(
      'UNPROCESSABLE',
      'ticket_invalid',
      'This check-in ticket is not for this session and device: use the code on the screen now',
      'body.ticket',
    ),
  ticketExpired: () =>
    refuse(
      'UNPROCESSABLE',
      'ticket_expired',
      'More than two minutes have passed since you scanned the code: use the one on the screen now',
      'body.ticket',
    ),
  network: () =>
    refuse(
      'FORBIDDEN',
      'network_not_allowed',
      'Check-in is not allowed from your network: join the classroom network',
    ),
  notEnrolled: () => refuse('FORBIDDEN', 'not_enrolled', 'You are not enrolled in this course'),
  already: () => refuse('CONFLICT', 'already_checked_in', 'You have already checked in to this session'),
  selfie: () =>
    refuse(
      'UNPROCESSABLE',
      'selfie_required',
      'This session requires a selfie: check in with a photo of your face',
      'body.selfie',
    ),
};

/** The session, if it exists (404) and is open at `nowMs` (409). */
export async function getOpenSession(
  sessions: SessionCache,
  sessionId: string,
  nowMs: number,
): Promise<CheckinSession> {
  const session = await sessions.get(sessionId);
  if (!session) throw refusals.unknown();
  if (session.closed || nowMs >= session.endsAtMs) throw refusals.closed();
  return session;
}

/** The code of the current step or the one before; else code_expired or code_invalid (422). */
export function assertCode(session: CheckinSession, nowMs: number, code: string) {
  const result = checkCode(session.key, session.stepSeconds, nowMs, code, session.openedAtMs);
  if (result === 'expired') throw refusals.codeExpired();
  if (result !== 'accepted') throw refusals.code();
}

/** From one of the session's allowed networks, if it names any (403). */
export function assertNetwork(session: CheckinSession, ip: string) {
  if (!networkAllows(session.networks, ip)) throw refusals.network();
}
