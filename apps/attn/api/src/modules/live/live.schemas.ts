// What the teacher's live stream carries. Every SSE event is named by its `type` and its data
// is the JSON object below (with `type` in it too):
//   snapshot      { type, session_id, checkins: LiveCheckin[] }   first, and again after a gap
//   checkin       { type, ...LiveCheckin }   a student checked in
//   mark          { type, ...LiveCheckin }   a teacher marked a student present or late
//   unmark        { type, student }          a teacher removed a student's check-in
//   verification  { type, ...LiveCheckin }   the selfie check finished or was reviewed
//   closed        { type, session_id, closed_at }   the session closed
import { type Static, Type } from 'typebox';

export const LiveStudent = Type.Object({
  id: Type.String({ format: 'uuid' }),
  school_number: Type.String(),
  full_name: Type.String(),
});
export type LiveStudent = Static<typeof LiveStudent>;

export const LiveCheckin = Type.Object({
  /** The check-in's id; publishers that do not know it yet may leave it out. */
  id: Type.Optional(Type.String({ format: 'uuid' })),
  student: LiveStudent,
  status: Type.Union([Type.Literal('present'), Type.Literal('late')]),
  checked_in_at: Type.String({ format: 'date-time' }),
  verification: Type.String(),
  /** Another student checked in to this session from the same device. */
  device_flagged: Type.Optional(Type.Boolean()),
  /** 'code' (the student checked in) or 'manual' (a teacher marked them). */
  source: Type.Optional(Type.String()),
});
export type LiveCheckin = Static<typeof LiveCheckin>;

export type LiveEvent =
  | ({ type: 'checkin' | 'mark' | 'verification' } & LiveCheckin)
  | { type: 'unmark'; student: LiveStudent }
  | { type: 'closed'; session_id: string; closed_at: string };

export interface LiveSnapshot {
  type: 'snapshot';
  session_id: string;
  checkins: LiveCheckin[];
}

export const LiveParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
