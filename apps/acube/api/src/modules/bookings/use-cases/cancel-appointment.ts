// Staff cancel a booking's appointment: the booking is cancelled, the appointment cleared, the
// person mailed a calendar cancellation (METHOD:CANCEL, the same UID, a higher SEQUENCE) so their
// calendar drops the event; audited without the message. Also what a staff status change to
// cancelled does to a booking that has an appointment (see change-booking-status.ts).
import type { AuditEntry } from '@campus/platform/audit';
import type { Tx } from '@campus/platform/db';
import { conflict, notFound } from '@campus/platform/errors';
import { appointmentCancelled } from '../bookings.appointment.mail.ts';
import type { BookingRow } from '../bookings.repository.ts';
import { appointmentCancellation, appointmentView } from './appointment-rules.ts';
import { type AppointmentContext, appointmentMailValues } from './set-appointment.ts';

type Who = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/** In the caller's transaction, on a row it has locked: cancel, clear, audit, mail. */
export async function cancelAppointmentIn(
  ctx: AppointmentContext,
  tx: Tx,
  before: BookingRow,
  who: Who,
): Promise<BookingRow> {
  const was = appointmentView(before);
  if (!was || appointmentCancellation(before.status, true) === 'refuse') {
    throw conflict(`This ${before.status} booking has no appointment to cancel`);
  }
  const row = await ctx.appointments.setAppointment(before.id, null, 'cancelled', ctx.clock.now(), tx);
  if (!row) throw notFound('Booking');
  await ctx.audit.record(tx, {
    ...who,
    action: 'booking.appointment_cancelled',
    entity: 'booking',
    entityId: row.id,
    changes: {
      status: { from: before.status, to: 'cancelled' },
      starts_at: { from: was.starts_at, to: null },
    },
  });
  await ctx.mail.send(appointmentCancelled, row.email, appointmentMailValues(ctx, row, was, 'cancelled'), {
    tx,
  });
  return row;
}

export async function cancelAppointment(
  ctx: AppointmentContext,
  input: { id: string; who: Who },
): Promise<BookingRow> {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await ctx.appointments.getForUpdate(input.id, tx);
    if (!before) throw notFound('Booking');
    return cancelAppointmentIn(ctx, tx, before, input.who);
  });
  ctx.log.info(
    { event: 'booking.appointment_cancelled', bookingId: row.id, by: input.who.actorId },
    'booking appointment cancelled',
  );
  return row;
}
