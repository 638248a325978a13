// Staff read bookings a page at a time: filtered, sorted, counted; no message text in the list.
// Older clients' limit/before still page newest first through next_before.
import { nextBefore } from '../../submissions/index.ts';
import type { BookingsContext } from '../bookings.context.ts';
import type { BookingListParams, BookingListRow } from '../bookings.repository.ts';

export async function findBookings(
  ctx: Pick<BookingsContext, 'repo' | 'timeZone'>,
  params: BookingListParams,
): Promise<{ rows: BookingListRow[]; total: number; pageSize: number; nextBefore: Date | null }> {
  const { rows, total } = await ctx.repo.findList(params, ctx.timeZone);
  const pageSize = params.page_size ?? params.limit ?? 25;
  return {
    rows,
    total,
    pageSize,
    nextBefore: params.sort === '-created_at' ? nextBefore(rows, pageSize) : null,
  };
}
