// The check-in and check-in ticket requests and answers. The student's phone proves presence
// with the code on the screen, or with a ticket it took for a scanned code before logging in.
// Types for the web front end (`import type` only) follow each schema.
import { type Static, Type } from 'typebox';

const SessionId = Type.String({ format: 'uuid' });
const Code = Type.String({ minLength: 1, maxLength: 16, description: 'The code on the screen now' });
const DeviceId = Type.String({
  minLength: 8,
  maxLength: 128,
  pattern: '^[\\x21-\\x7e]+$',
  description: 'An id the browser keeps (e.g. a random UUID in local storage)',
});

export const CheckInBody = Type.Object(
  {
    session_id: SessionId,
    code: Type.Optional(Code),
    ticket: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 256,
        description: 'A ticket from POST /api/checkin-tickets, in place of code (two minutes, this device)',
      }),
    ),
    device_id: DeviceId,
  },
  {
    additionalProperties: false,
    description: 'Exactly one of code and ticket',
    oneOf: [{ required: ['code'] }, { required: ['ticket'] }],
  },
);
export type CheckInBody = Static<typeof CheckInBody>;

export const CheckInResponse = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('present'), Type.Literal('late')]),
  verification: Type.String({ description: "'pending' when the session asks for a selfie" }),
  checked_in_at: Type.String({ format: 'date-time' }),
});
export type CheckInResponse = Static<typeof CheckInResponse>;

export const TicketBody = Type.Object(
  { session_id: SessionId, code: Code, device_id: DeviceId },
  { additionalProperties: false },
);
export type TicketBody = Static<typeof TicketBody>;

export const TicketResponse = Type.Object({
  ticket: Type.String({ description: 'Send it as `ticket` in the check-in, with the same device_id' }),
  session_id: Type.String(),
  expires_at: Type.String({ format: 'date-time', description: 'Two minutes after it was issued' }),
});
export type TicketResponse = Static<typeof TicketResponse>;

export const TicketDescription = [
  'For the QR link <PUBLIC_URL>/c/<session_id>#<code>, scanned before the student has logged in:',
  'a code lives 10-20 s and a login can take longer, so the page exchanges the code at once for a',
  'ticket and checks in with it after the login. Refused as a check-in with that code would be now',
  '(404 session_not_found, 409 session_closed, 422 code_invalid or code_expired, 403',
  'network_not_allowed). The ticket is good for two minutes, for this session and device_id only;',
  'lateness is judged at the time it was issued. Public, limited per IP (policy "ticket").',
].join(' ');

export const SelfieCheckInDescription = [
  'Fields: session_id, code, device_id (as in the JSON check-in, where a ticket may stand in place of',
  'code) and one file in the field "selfie" (JPEG, PNG or WebP, at most 8 MB). For a session that',
  'requires a selfie and a student enrolled for face verification, the check-in is recorded at once',
  "with verification 'pending' and the",
  "selfie is verified in the background ('verified', 'rejected' or 'needs_review', visible in the",
  'student history and to the teacher). A student without face enrolment never needs a selfie:',
  "the check-in is recorded 'needs_review' for the teacher to confirm in person, and the selfie is",
  'not kept. A session that does not require a selfie takes the check-in as usual and ignores the',
  'photo. Selfies are deleted once verified; one that needs review is kept for the course’s',
  'teachers until they decide, seven days at most.',
].join(' ');
