// What a public form (volunteering, contact) answers: the reference to quote, and whether it is
// a repeat of one we already have.
import { type Static, Type } from 'typebox';

export const SubmissionAck = Type.Object({
  reference: Type.String(),
  message: Type.String(),
  repeat: Type.Boolean({ description: 'true: the same came within ten minutes; this is the first one' }),
});
export type SubmissionAck = Static<typeof SubmissionAck>;

/** The answer to a volunteering or contact form: 201 with thanks, or 200 for a repeat (nothing sent twice). */
export function acknowledge(reference: string, created: boolean): { status: 200 | 201; body: SubmissionAck } {
  return created
    ? {
        status: 201,
        body: {
          reference,
          message: 'Thank you: we have received it and e-mailed you a confirmation.',
          repeat: false,
        },
      }
    : {
        status: 200,
        body: { reference, message: 'We already have this: nothing was sent twice.', repeat: true },
      };
}
