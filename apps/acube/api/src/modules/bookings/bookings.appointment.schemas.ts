// The appointment staff set on a booking: what the admin sends, and what the admin views and the
// person's own view carry (null until one is set, and again after a cancel).
import { type Static, Type } from 'typebox';

/** In person or online (the schema's appointmentModes). */
const Mode = Type.Union([Type.Literal('in_person'), Type.Literal('online')]);

export const AppointmentBody = Type.Object({
  starts_at: Type.String({
    format: 'date-time',
    description: 'the start, with its offset (e.g. 2026-12-01T11:00:00Z or 2026-12-01T14:00:00+03:00)',
  }),
  duration_minutes: Type.Integer({ minimum: 15, maximum: 240, default: 50 }),
  mode: Mode,
  with: Type.String({ minLength: 1, maxLength: 200, description: "the therapist's name" }),
  location: Type.Optional(
    Type.String({ maxLength: 500, description: 'a room (in person) or a video link (online)' }),
  ),
});
export type AppointmentBody = Static<typeof AppointmentBody>;

export const Appointment = Type.Object({
  starts_at: Type.String({ description: 'ISO 8601, UTC' }),
  duration_minutes: Type.Integer(),
  mode: Mode,
  with: Type.String(),
  location: Type.Union([Type.String(), Type.Null()]),
});
export type Appointment = Static<typeof Appointment>;

export const AppointmentOrNone = Type.Union([Appointment, Type.Null()]);
