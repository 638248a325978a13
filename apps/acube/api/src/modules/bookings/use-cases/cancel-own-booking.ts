// The person cancels their own request through the private link: audited and confirmed by mail
// in one transaction. Cancelling twice changes nothing; a finished booking is a conflict.
import type { AuditEntry } from '@campus/platform/audit';
import { conflict, notFound } from '@campus/platform/errors';
import type { BookingsContext } from '../bookings.context.ts';
import { bookingCancelled } from '../bookings.mail.ts';
import type { BookingRow } from '../bookings.repository.ts';
import { requesterCancellation } from './booking-rules.ts';
import { getOwnBooking } from './get-own-booking.ts';

export async function cancelOwnBooking(
  ctx: BookingsContext,
  input: { token: string; who: Pick<AuditEntry, 'ip' | 'requestId'> },
): Promise<BookingRow> {
  const booking = await getOwnBooking(ctx, input);
  const decision = requesterCancellation(booking.status);
  if (decision === 'unchanged') return booking;
  if (decision === 'refuse') throw conflict(`A ${booking.status} booking cannot be cancelled`);
  const row = await ctx.db.transaction(async (tx) => {
    const row = await ctx.repo.setStatus(booking.id, 'cancelled', ctx.clock.now(), tx);
    if (!row) throw notFound('Booking');
    await ctx.audit.record(tx, {
      ...input.who,
      actorId: null,
      action: 'booking.cancelled_by_requester',
      entity: 'booking',
      entityId: row.id,
      changes: { status: { from: booking.status, to: 'cancelled' } },
    });
    await ctx.mail.send(bookingCancelled, row.email, { name: row.name, reference: row.reference }, { tx });
    return row;
  });
  ctx.log.info({ event: 'booking.cancelled', bookingId: row.id }, 'booking cancelled by the requester');
  return row;
}
