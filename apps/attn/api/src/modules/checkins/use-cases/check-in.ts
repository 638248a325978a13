// A student checks in with the code on the screen. Refused, each with its own message and a
// machine-readable reason: unknown session (404), session closed (409), code wrong (422
// code_invalid) or of an earlier step of this session (422 code_expired), network not allowed
// (403), not enrolled (403), already checked in (409). The cheap checks run on the cached
// session; enrollment and "once only" are decided by the database in the group-committed
// insert, and the answer waits for its commit.
//
// A session that asks for a selfie: a student enrolled for face verification (live consent and
// embeddings) must send one (422 'selfie_required' otherwise); it is stored only after the
// cheap checks pass, BEFORE the row that points at it is written, and discarded if the row is
// refused. A student without enrolment never needs a selfie (consent to biometrics must be
// free to refuse): their check-in is recorded 'needs_review' for the teacher to confirm in
// person, and a selfie they send anyway is never stored.
import type { Clock } from '@campus/platform/clock/clock.ts';
import { AppError, type ErrorCode } from '@campus/platform/errors.ts';
import { networkAllows } from '../../sessions/networks.ts';
import { checkCode } from '../../sessions/session-codes.ts';
import type { CheckinWriter } from '../checkin-writer.ts';
import type { InsertedCheckin } from '../checkins.repository.ts';
import type { SessionCache } from '../session-cache.ts';
import { initialVerification } from '../verification.ts';

export interface CheckInInput {
  sessionId: string;
  studentId: string;
  code: string;
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
  clock: Clock;
  /** Whether the student's selfie can be verified (live consent and embeddings). */
  faceEnrolled(studentId: string): Promise<boolean>;
}

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

/** 'not_required', 'pending' (a selfie to verify) or 'needs_review' (not enrolled: checked in person). */
async function verificationFor(deps: CheckInDeps, session: { selfieRequired: boolean }, input: CheckInInput) {
  const initial = initialVerification(session);
  if (initial !== 'pending') return initial;
  if (!(await deps.faceEnrolled(input.studentId))) return 'needs_review';
  if (!input.selfie) throw refusals.selfie();
  return 'pending';
}

export async function checkIn(deps: CheckInDeps, input: CheckInInput): Promise<InsertedCheckin> {
  const session = await deps.sessions.get(input.sessionId);
  if (!session) throw refusals.unknown();
  const now = deps.clock.nowMs();
  if (session.closed || now >= session.endsAtMs) throw refusals.closed();
  const code = checkCode(session.key, session.stepSeconds, now, input.code, session.openedAtMs);
  if (code !== 'accepted') throw code === 'expired' ? refusals.codeExpired() : refusals.code();
  if (!networkAllows(session.networks, input.ip)) throw refusals.network();

  const late =
    session.lateAfterMinutes !== null && now > session.openedAtMs + session.lateAfterMinutes * 60_000;
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
