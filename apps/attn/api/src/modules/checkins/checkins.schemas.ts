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
