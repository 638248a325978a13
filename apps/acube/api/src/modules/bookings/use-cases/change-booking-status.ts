// A staff member sets a booking's status: audited with from and to; the same status again
// changes nothing and records nothing. Cancelling a booking that has an appointment cancels the
// appointment too, and mails the person the calendar's cancellation (cancel-appointment.ts).
import type { AuditEntry } from '@campus/platform/audit';
import { notFound } from '@campus/platform/errors';
import type { BookingStatus } from '../../../db/schema/bookings.ts';
import type { BookingsContext } from '../bookings.context.ts';
import type { BookingRow } from '../bookings.repository.ts';
import { appointmentCancellation, appointmentView } from './appointment-rules.ts';
import { staffStatusChange } from './booking-rules.ts';
import { cancelAppointmentIn } from './cancel-appointment.ts';
import { getBooking } from './get-booking.ts';

export async function changeBookingStatus(
  ctx: BookingsContext,
  input: { id: string; status: BookingStatus; who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> },
): Promise<BookingRow> {
  const before = await getBooking(ctx, input);
  if (staffStatusChange(before.status, input.status) === 'unchanged') return before;
  const row = await ctx.db.transaction(async (tx) => {
    if (input.status === 'cancelled' && appointmentView(before)) {
      const locked = await ctx.appointments.getForUpdate(input.id, tx);
      if (!locked) throw notFound('Booking');
      if (appointmentCancellation(locked.status, appointmentView(locked) !== null) === 'cancel') {
        return cancelAppointmentIn(ctx, tx, locked, input.who);
      }
    }
    const row = await ctx.repo.setStatus(input.id, input.status, ctx.clock.now(), tx);
    if (!row) throw notFound('Booking');
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'booking.status_changed',
      entity: 'booking',
      entityId: input.id,
      changes: { status: { from: before.status, to: input.status } },
    });
    return row;
  });
  ctx.log.info(
    { event: 'booking.status_changed', bookingId: row.id, status: row.status, by: input.who.actorId },
    'booking status changed',
  );
  return row;
}
