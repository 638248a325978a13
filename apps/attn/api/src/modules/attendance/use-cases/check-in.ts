// A student checks in with the code on the screen, or with a ticket taken for it moments
// earlier (before logging in: ../checkin-tickets.ts). Refused, each with its own message and a
// machine-readable reason (./checkin-gate.ts): unknown session (404), session closed (409),
// code wrong (422 code_invalid) or of an earlier step of this session (422 code_expired),
// ticket not for this session and device or forged (422 ticket_invalid) or older than two
// minutes (422 ticket_expired), network not allowed (403), not enrolled (403), already checked
// in (409). A ticket stands for the code: lateness is judged at its issue time, when the
// student was in the room; the session must still be open now. The cheap checks run on the
// cached session; enrollment and "once only" are decided by the database in the
// group-committed insert, and the answer waits for its commit.
//
// A session that asks for a selfie: a student enrolled for face verification (live consent and
// embeddings) must send one (422 'selfie_required' otherwise); it is stored only after the
// cheap checks pass, BEFORE the row that points at it is written, and discarded if the row is
// refused. A student without enrolment never needs a selfie (consent to biometrics must be
// free to refuse): their check-in is recorded 'needs_review' for the teacher to confirm in
// person, and a selfie they send anyway is never stored.
import type { Clock } from '@campus/platform/clock';
import type { TicketSigner } from '../checkin-tickets.ts';
import type { CheckinWriter } from '../checkin-writer.ts';
import type { InsertedCheckin } from '../checkins.repository.ts';
import type { CheckinSession, SessionCache } from '../session-cache.ts';
import { assertCode, assertNetwork, getOpenSession, refusals } from './checkin-gate.ts';

export { refusals } from './checkin-gate.ts';

export interface CheckInInput {
  sessionId: string;
  studentId: string;
  /** Exactly one of code and ticket (the route's schema sees to it). */
  code?: string;
  ticket?: string;
  deviceId: string;
  ip: string;
  /** The selfie the student sent (selfie route only), held by the route until it is needed. */
  selfie?: SelfieUpload;
}

export interface SelfieUpload {
  /** Puts the selfie in the file store; its id. */
  store(): Promise<string>;
  /** Removes a stored selfie whose check-in was refused. */
  discard(fileId: string): Promise<void>;
}

export interface CheckInDeps {
  sessions: SessionCache;
  writer: CheckinWriter;
  tickets: TicketSigner;
  clock: Clock;
  /** Whether the student's selfie can be verified (live consent and embeddings). */
  faceEnrolled(studentId: string): Promise<boolean>;
}

/** A check-in starts 'pending' when its session asks for a selfie, else 'not_required'. */
export function initialVerification(session: { selfieRequired: boolean }): 'pending' | 'not_required' {
  return session.selfieRequired ? 'pending' : 'not_required';
}

/** Late: present more than the session's late-after minutes after it opened (never, without one). */
export function isLate(session: Pick<CheckinSession, 'openedAtMs' | 'lateAfterMinutes'>, presentMs: number) {
  return (
    session.lateAfterMinutes !== null && presentMs > session.openedAtMs + session.lateAfterMinutes * 60_000
  );
}

/** When the student proved they were in the room: now for a code, the issue time for a ticket. */
function presentAt(deps: CheckInDeps, session: CheckinSession, input: CheckInInput, now: number): number {
  if (input.ticket === undefined) {
    assertCode(session, now, input.code ?? '');
    return now;
  }
  const check = deps.tickets.verify(input.ticket, session.id, input.deviceId, now);
  if (!check.ok)
    throw check.reason === 'ticket_expired' ? refusals.ticketExpired() : refusals.ticketInvalid();
  return Math.min(check.issuedAtMs, now);
}

/** 'not_required', 'pending' (a selfie to verify) or 'needs_review' (not enrolled: checked in person). */
async function verificationFor(deps: CheckInDeps, session: { selfieRequired: boolean }, input: CheckInInput) {
  const initial = initialVerification(session);
  if (initial !== 'pending') return initial;
  if (!(await deps.faceEnrolled(input.studentId))) return 'needs_review';
  if (!input.selfie) throw refusals.selfie();
  return 'pending';
}

export async function checkIn(deps: CheckInDeps, input: CheckInInput): Promise<InsertedCheckin> {
  const now = deps.clock.nowMs();
  const session = await getOpenSession(deps.sessions, input.sessionId, now);
  const present = presentAt(deps, session, input, now);
  assertNetwork(session, input.ip);

  const late = isLate(session, present);
  const verification = await verificationFor(deps, session, input);
  const selfieFileId = verification === 'pending' && input.selfie ? await input.selfie.store() : null;
  // A refused or failed write leaves no selfie behind (if this discard fails too, the selfie
  // sweep removes files no check-in points at).
  const discard = () => (selfieFileId ? input.selfie?.discard(selfieFileId).catch(() => {}) : undefined);
  const outcome = await deps.writer
    .submit({
      sessionId: session.id,
      studentId: input.studentId,
      status: late ? 'late' : 'present',
      checkedInAt: new Date(now),
      deviceId: input.deviceId,
      ip: input.ip,
      verification,
      selfieFileId,
    })
    .catch(async (err: unknown) => {
      await discard();
      throw err;
    });
  if (outcome.kind !== 'accepted') await discard();
  switch (outcome.kind) {
    case 'accepted':
      return outcome.row;
    case 'already_checked_in':
      throw refusals.already();
    case 'not_enrolled':
      throw refusals.notEnrolled();
    default:
      throw refusals.closed();
  }
}
