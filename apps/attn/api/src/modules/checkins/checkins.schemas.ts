// The check-in request and answer. The QR payload the teacher's screen shows is the body minus
// device_id, so a scanner can post it as it is.
import { type Static, Type } from 'typebox';

export const CheckInBody = Type.Object(
  {
    session_id: Type.String({ format: 'uuid' }),
    code: Type.String({ minLength: 1, maxLength: 16, description: 'The code on the screen now' }),
    device_id: Type.String({
      minLength: 8,
      maxLength: 128,
      pattern: '^[\\x21-\\x7e]+$',
      description: 'An id the browser keeps (e.g. a random UUID in local storage)',
    }),
  },
  { additionalProperties: false },
);
export type CheckInBody = Static<typeof CheckInBody>;

export const CheckInResponse = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('present'), Type.Literal('late')]),
  verification: Type.String({ description: "'pending' when the session asks for a selfie" }),
  checked_in_at: Type.String({ format: 'date-time' }),
});

export const SelfieCheckInDescription = [
  'Fields: session_id, code, device_id (as in the JSON check-in) and one file in the field "selfie"',
  '(JPEG, PNG or WebP, at most 8 MB). For a session that requires a selfie and a student enrolled',
  "for face verification, the check-in is recorded at once with verification 'pending' and the",
  "selfie is verified in the background ('verified', 'rejected' or 'needs_review', visible in the",
  'student history and to the teacher). A student without face enrolment never needs a selfie:',
  "the check-in is recorded 'needs_review' for the teacher to confirm in person, and the selfie is",
  'not kept. A session that does not require a selfie takes the check-in as usual and ignores the',
  'photo. Selfies are deleted once verified; one that needs review is kept for the course’s',
  'teachers until they decide, seven days at most.',
].join(' ');
