// What a public form (volunteering, contact) answers: the reference to quote, and whether it is
// a repeat of one we already have.
import { type Static, Type } from 'typebox';

export const SubmissionAck = Type.Object({
  reference: Type.String(),
  message: Type.String(),
  repeat: Type.Boolean({ description: 'true: the same came within ten minutes; this is the first one' }),
});
export type SubmissionAck = Static<typeof SubmissionAck>;
