// Staff set a booking's appointment: a pending booking is confirmed with it, a confirmed one has it
// set or moved. In one transaction: the row (locked), the audit entry (times and mode, never the
// message) and the mail with its calendar invitation, whose SEQUENCE grows on each change.
import type { AuditEntry } from '@campus/platform/audit';
import { conflict, notFound } from '@campus/platform/errors';
import { type AppointmentMailValues, appointmentSet } from '../bookings.appointment.mail.ts';
import type { AppointmentValues } from '../bookings.appointment.repository.ts';
import type { AppointmentBody } from '../bookings.appointment.schemas.ts';
import type { BookingsContext } from '../bookings.context.ts';
import type { BookingRow } from '../bookings.repository.ts';
import { appointmentChange, appointmentView, calendarUid } from './appointment-rules.ts';

export type AppointmentContext = Pick<
  BookingsContext,
  'db' | 'appointments' | 'audit' | 'mail' | 'clock' | 'log' | 'publicUrl' | 'timeZone' | 'mailFrom'
>;

/** What the mail needs of a booking whose appointment is in `row` (or, for a cancel, in `was`). */
export function appointmentMailValues(
  ctx: Pick<AppointmentContext, 'publicUrl' | 'timeZone' | 'mailFrom'>,
  row: BookingRow,
  appointment: NonNullable<ReturnType<typeof appointmentView>>,
  kind: AppointmentMailValues['kind'],
): AppointmentMailValues {
  return {
    kind,
    name: row.name,
    email: row.email,
    reference: row.reference,
    startsAt: appointment.starts_at,
    durationMinutes: appointment.duration_minutes,
    mode: appointment.mode,
    with: appointment.with,
    location: appointment.location,
    timeZone: ctx.timeZone,
    uid: calendarUid(row.id, ctx.publicUrl),
    // The column has grown past the value sent now: the first invitation goes out as 0.
    sequence: row.appointmentSequence - 1,
    organizer: ctx.mailFrom,
  };
}

export async function setAppointment(
  ctx: AppointmentContext,
  input: { id: string; body: AppointmentBody; who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> },
): Promise<BookingRow> {
  const { body } = input;
  const values: AppointmentValues = {
    startsAt: new Date(body.starts_at),
    durationMinutes: body.duration_minutes,
    mode: body.mode,
    with: body.with.trim(),
    location: body.location?.trim() || null,
  };
  const { row, kind } = await ctx.db.transaction(async (tx) => {
    const before = await ctx.appointments.getForUpdate(input.id, tx);
    if (!before) throw notFound('Booking');
    const was = appointmentView(before);
    const change = appointmentChange(before.status, was !== null);
    if (change === 'refuse') throw conflict(`A ${before.status} booking cannot be given an appointment`);
    const row = await ctx.appointments.setAppointment(input.id, values, 'confirmed', ctx.clock.now(), tx);
    const now = row && appointmentView(row);
    if (!row || !now) throw notFound('Booking');
    const kind = change === 'set' ? 'confirmed' : 'rescheduled';
    await ctx.audit.record(tx, {
      ...input.who,
      action: change === 'set' ? 'booking.appointment_set' : 'booking.appointment_rescheduled',
      entity: 'booking',
      entityId: row.id,
      changes: {
        ...(before.status !== row.status ? { status: { from: before.status, to: row.status } } : {}),
        starts_at: { from: was?.starts_at ?? null, to: now.starts_at },
        duration_minutes: { from: was?.duration_minutes ?? null, to: now.duration_minutes },
        mode: { from: was?.mode ?? null, to: now.mode },
      },
    });
    await ctx.mail.send(appointmentSet, row.email, appointmentMailValues(ctx, row, now, kind), { tx });
    return { row, kind };
  });
  ctx.log.info(
    { event: `booking.appointment_${kind}`, bookingId: row.id, by: input.who.actorId },
    'booking appointment set',
  );
  return row;
}
