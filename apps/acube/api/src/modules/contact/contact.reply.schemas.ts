import { type Static, Type } from 'typebox';

export const ReplyBody = Type.Object({
  body: Type.String({
    minLength: 1,
    maxLength: 10000,
    description: 'the answer, plain text; mailed, never logged',
  }),
});
export type ReplyBody = Static<typeof ReplyBody>;

export const ReplyAnswer = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.String(),
  replied_at: Type.String(),
});
