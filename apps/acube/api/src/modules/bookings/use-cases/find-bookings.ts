// Staff read bookings a page at a time: filtered, sorted, counted; no message text in the list.
// Older clients' limit/before still page newest first through next_before.
import { type ListPageOf, readListPage } from '../../listing/index.ts';
import type { BookingsContext } from '../bookings.context.ts';
import type { BookingListParams, BookingListRow } from '../bookings.repository.ts';

export function findBookings(
  ctx: Pick<BookingsContext, 'repo' | 'timeZone'>,
  params: BookingListParams,
): Promise<ListPageOf<BookingListRow>> {
  return readListPage(ctx.repo, params, ctx.timeZone);
}
