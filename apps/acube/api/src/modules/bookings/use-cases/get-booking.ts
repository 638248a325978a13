// One booking for staff, or a 404.
import { notFound } from '@campus/platform/errors';
import type { BookingsContext } from '../bookings.context.ts';
import type { BookingRow } from '../bookings.repository.ts';

export async function getBooking(
  ctx: Pick<BookingsContext, 'repo'>,
  input: { id: string },
): Promise<BookingRow> {
  const row = await ctx.repo.getById(input.id);
  if (!row) throw notFound('Booking');
  return row;
}
