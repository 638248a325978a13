// Marking by hand: the requests and the check-in they answer with (snake_case on the wire), and
// their types for the web front end (`import type` only, through index.ts).
import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const CheckinStatus = Type.Union([Type.Literal('present'), Type.Literal('late')]);

export const MarkParams = Type.Object({ sessionId: Type.String({ format: 'uuid' }) });
export const UnmarkParams = Type.Object({
  sessionId: Type.String({ format: 'uuid' }),
  studentId: Type.String({ format: 'uuid' }),
});
const Reason = Type.String({ minLength: 1, maxLength: 500, description: 'Why; kept with the check-in' });
export const MarkBody = Type.Object(
  { student_id: Type.String({ format: 'uuid' }), status: CheckinStatus, reason: Reason },
  { additionalProperties: false },
);
export type MarkBody = Static<typeof MarkBody>;
export const UnmarkBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type UnmarkBody = Static<typeof UnmarkBody>;

export const MarkedCheckin = Type.Object({
  id: Type.String(),
  session_id: Type.String(),
  student_id: Type.String(),
  status: CheckinStatus,
  source: Type.String(),
  marked_by: Nullable(Type.String()),
  verification: Type.String(),
  checked_in_at: Type.String({ format: 'date-time' }),
});
export type MarkedCheckin = Static<typeof MarkedCheckin>;
