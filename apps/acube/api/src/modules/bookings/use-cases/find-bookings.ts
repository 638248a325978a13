// Staff read bookings, newest first, a page at a time.
import { nextBefore } from '../../submissions/index.ts';
import type { BookingsContext } from '../bookings.context.ts';
import type { BookingFilter, BookingRow } from '../bookings.repository.ts';

export async function findBookings(
  ctx: Pick<BookingsContext, 'repo'>,
  filter: BookingFilter,
): Promise<{ rows: BookingRow[]; nextBefore: Date | null }> {
  const rows = await ctx.repo.findPage(filter);
  return { rows, nextBefore: nextBefore(rows, filter.limit) };
}
