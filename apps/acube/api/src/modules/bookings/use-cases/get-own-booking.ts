// The person's own request, opened with the token of the private link.
import { hashToken } from '@campus/platform/auth';
import { notFound } from '@campus/platform/errors';
import type { BookingsContext } from '../bookings.context.ts';
import type { BookingRow } from '../bookings.repository.ts';

export async function getOwnBooking(
  ctx: Pick<BookingsContext, 'repo'>,
  input: { token: string },
): Promise<BookingRow> {
  const booking = await ctx.repo.getByTokenHash(hashToken(input.token));
  if (!booking) throw notFound('Booking');
  return booking;
}
