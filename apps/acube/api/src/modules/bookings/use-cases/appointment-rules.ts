// The rules of a booking's appointment, without a database: when one may be set, rescheduled or
// cancelled; how its time reads in the site's time zone; and the calendar file (.ics) mailed with
// it, whose start is in UTC, whose UID stays the same for the booking and whose SEQUENCE grows,
// so a calendar updates (or removes) the one event it already holds.
import { createEvent } from 'ics';
import type { BookingStatus } from '../../../db/schema/bookings.ts';
import type { Appointment } from '../bookings.appointment.schemas.ts';
import type { BookingRow } from '../bookings.repository.ts';

/** The appointment of a booking as the API shows it, or null when it has none. */
export function appointmentView(
  b: Pick<
    BookingRow,
    | 'appointmentStartsAt'
    | 'appointmentDurationMinutes'
    | 'appointmentMode'
    | 'appointmentWith'
    | 'appointmentLocation'
  >,
): Appointment | null {
  if (!b.appointmentStartsAt || !b.appointmentMode || b.appointmentWith === null) return null;
  return {
    starts_at: b.appointmentStartsAt.toISOString(),
    duration_minutes: b.appointmentDurationMinutes ?? 0,
    mode: b.appointmentMode,
    with: b.appointmentWith,
    location: b.appointmentLocation,
  };
}

/**
 * Setting an appointment confirms a pending (or confirmed) booking, or reschedules the one it
 * has; a cancelled, completed or no-show booking takes none.
 */
export function appointmentChange(
  status: BookingStatus,
  hasAppointment: boolean,
): 'set' | 'reschedule' | 'refuse' {
  if (status !== 'pending' && status !== 'confirmed') return 'refuse';
  return hasAppointment ? 'reschedule' : 'set';
}

/** Only a booking that has an appointment, and is not finished, can have it cancelled. */
export function appointmentCancellation(status: BookingStatus, hasAppointment: boolean): 'cancel' | 'refuse' {
  return hasAppointment && (status === 'pending' || status === 'confirmed') ? 'cancel' : 'refuse';
}

/** The calendar's UID for a booking: the same for every invitation and cancellation of it. */
export function calendarUid(bookingId: string, publicUrl: string): string {
  let host = 'acube';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // a malformed PUBLIC_URL is refused at boot; keep a stable fallback for unit use
  }
  return `booking-${bookingId}@${host}`;
}

/** "Tuesday 1 December 2026, 14:00–14:50 (Europe/Istanbul)": the appointment in the site's zone. */
export function appointmentTimeText(startsAt: Date, durationMinutes: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full' }).format(startsAt);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const end = new Date(startsAt.getTime() + durationMinutes * 60_000);
  return `${day}, ${time.format(startsAt)}–${time.format(end)} (${timeZone})`;
}

export interface CalendarInput {
  method: 'REQUEST' | 'CANCEL';
  uid: string;
  sequence: number;
  startsAt: Date;
  durationMinutes: number;
  mode: 'in_person' | 'online';
  with: string;
  location: string | null;
  reference: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/** The .ics text: one VEVENT, its start and end in UTC. Throws if the library refuses the input. */
export function appointmentCalendar(input: CalendarInput): string {
  const online = input.mode === 'online';
  const { error, value } = createEvent({
    productId: 'acube/appointments',
    method: input.method,
    uid: input.uid,
    sequence: input.sequence,
    start: input.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: input.durationMinutes },
    title: `Session with ${input.with} (${input.reference})`,
    description: `Your ${online ? 'online' : 'in-person'} session with ${input.with}. Reference: ${input.reference}.`,
    ...(input.location ? { location: input.location } : {}),
    ...(online && input.location && /^https?:\/\//.test(input.location) ? { url: input.location } : {}),
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: input.organizer,
    attendees: [{ ...input.attendee, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' }],
  });
  if (error || !value) throw error ?? new Error('the calendar file could not be made');
  return value;
}

/** "A-Cube <hello@acube.example>" → { name: 'A-Cube', email: 'hello@acube.example' }. */
export function mailbox(address: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address);
  if (m?.[2]) return { name: m[1]?.trim() || m[2], email: m[2].trim() };
  return { name: address.trim(), email: address.trim() };
}
