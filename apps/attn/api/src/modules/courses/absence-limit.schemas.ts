// A course's absence limit on the wire: the percentage of sessions a student may miss, and the
// planned sessions it counts from (null: the sessions held so far).
import { type Static, Type } from 'typebox';

export const AbsenceLimit = Type.Object({
  course_id: Type.String({ format: 'uuid' }),
  percent: Type.Integer({ minimum: 0, maximum: 100, description: 'Of the sessions, at most; default 30' }),
  planned_sessions: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: 'Sessions planned this term, the base of the limit; null: the sessions held so far',
  }),
});
export type AbsenceLimit = Static<typeof AbsenceLimit>;

export const AbsenceLimitBody = Type.Object(
  {
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    planned_sessions: Type.Union([Type.Integer({ minimum: 1, maximum: 500 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type AbsenceLimitBody = Static<typeof AbsenceLimitBody>;
