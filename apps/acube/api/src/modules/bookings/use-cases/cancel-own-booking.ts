// The person cancels their own request through the private link: audited and confirmed by mail
// in one transaction. Cancelling twice changes nothing; a finished booking is a conflict. A booking
// with an appointment has it cleared, and the confirmation carries the calendar's cancellation so
// the person's calendar drops the event.
import type { AuditEntry } from '@campus/platform/audit';
import { conflict, notFound } from '@campus/platform/errors';
import { appointmentCancelled } from '../bookings.appointment.mail.ts';
import type { BookingsContext } from '../bookings.context.ts';
import { bookingCancelled } from '../bookings.mail.ts';
import type { BookingRow } from '../bookings.repository.ts';
import { appointmentView } from './appointment-rules.ts';
import { requesterCancellation } from './booking-rules.ts';
import { getOwnBooking } from './get-own-booking.ts';
import { appointmentMailValues } from './set-appointment.ts';

export async function cancelOwnBooking(
  ctx: BookingsContext,
  input: { token: string; who: Pick<AuditEntry, 'ip' | 'requestId'> },
): Promise<BookingRow> {
  const booking = await getOwnBooking(ctx, input);
  const decision = requesterCancellation(booking.status);
  if (decision === 'unchanged') return booking;
  if (decision === 'refuse') throw conflict(`A ${booking.status} booking cannot be cancelled`);
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await ctx.appointments.getForUpdate(booking.id, tx);
    const was = locked ? appointmentView(locked) : null;
    const row = was
      ? await ctx.appointments.setAppointment(booking.id, null, 'cancelled', ctx.clock.now(), tx)
      : await ctx.repo.setStatus(booking.id, 'cancelled', ctx.clock.now(), tx);
    if (!row) throw notFound('Booking');
    await ctx.audit.record(tx, {
      ...input.who,
      actorId: null,
      action: 'booking.cancelled_by_requester',
      entity: 'booking',
      entityId: row.id,
      changes: {
        status: { from: booking.status, to: 'cancelled' },
        ...(was ? { starts_at: { from: was.starts_at, to: null } } : {}),
      },
    });
    if (was) {
      await ctx.mail.send(
        appointmentCancelled,
        row.email,
        appointmentMailValues(ctx, row, was, 'cancelled'),
        { tx },
      );
    } else {
      await ctx.mail.send(bookingCancelled, row.email, { name: row.name, reference: row.reference }, { tx });
    }
    return row;
  });
  ctx.log.info({ event: 'booking.cancelled', bookingId: row.id }, 'booking cancelled by the requester');
  return row;
}
