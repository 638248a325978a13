// ATTN's side of the platform's live fan-out: one channel per attendance session, and the events
// it carries. The modules that change check-ins or sessions call publish() after their change is
// committed (never inside the transaction: a rolled-back check-in must not appear on the
// teacher's screen); the live module streams them to the teacher. It lives beside services.ts,
// not in a module: the publishers sit below the live module, which reads their check-ins.
//
// What the stream carries. Every SSE event is named by its `type` and its data
// is the JSON object below (with `type` in it too):
//   snapshot      { type, session_id, checkins: LiveCheckin[] }   first, and again after a gap
//   checkin       { type, ...LiveCheckin }   a student checked in
//   mark          { type, ...LiveCheckin }   a teacher marked a student present or late
//   unmark        { type, student }          a teacher removed a student's check-in
//   verification  { type, ...LiveCheckin }   the selfie check finished or was reviewed
//   closed        { type, session_id, closed_at }   the session closed
import type { Live } from '@campus/platform/live';
import { type Static, Type } from 'typebox';

export type AttnLive = ReturnType<typeof createAttnLive>;

const channel = (sessionId: string) => `attendance-session:${sessionId}`;

export function createAttnLive(live: Pick<Live, 'publish' | 'subscribe'>) {
  return {
    /** Fire-and-forget: never throws, never waits (a Redis outage reaches this instance only). */
    publish<E extends { type: string }>(sessionId: string, event: E & LiveEvent): void {
      live.publish(channel(sessionId), event);
    },
    subscribe(sessionId: string, listener: (event: LiveEvent) => void, onGap?: () => void): () => void {
      return live.subscribe(channel(sessionId), (message) => listener(message as LiveEvent), { onGap });
    },
  };
}

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
