// A session's check-ins as its teacher lists them (snake_case on the wire), and the type for the
// web front end (`import type` only, through index.ts).
import { type Static, Type } from 'typebox';

export const CheckinListResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      student: Type.Object({ id: Type.String(), school_number: Type.String(), full_name: Type.String() }),
      status: Type.String(),
      source: Type.String(),
      verification: Type.String(),
      checked_in_at: Type.String({ format: 'date-time' }),
      device_flagged: Type.Boolean(),
    }),
  ),
});
export type CheckinListResponse = Static<typeof CheckinListResponse>;
