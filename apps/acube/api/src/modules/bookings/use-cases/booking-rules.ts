// The rules of a booking's life, without a database: which dates may be asked for, and what a
// cancellation through the private link or a staff change does to each status.
import type { BookingStatus } from '../../../db/schema/bookings.ts';

/** Why a preferred date (YYYY-MM-DD) is refused at `now`, or undefined when it is fine. */
export function preferredDateProblem(preferredDate: string, now: Date): string | undefined {
  const today = now.toISOString().slice(0, 10);
  return preferredDate < today ? `must be today (${today}) or later` : undefined;
}

/**
 * The requester may cancel a pending or confirmed booking; cancelling a cancelled one again is
 * no change; a completed or no-show booking is past cancelling.
 */
export function requesterCancellation(status: BookingStatus): 'unchanged' | 'cancel' | 'refuse' {
  if (status === 'cancelled') return 'unchanged';
  return status === 'pending' || status === 'confirmed' ? 'cancel' : 'refuse';
}

/** Staff may move a booking to any status; the same status again changes (and audits) nothing. */
export function staffStatusChange(from: BookingStatus, to: BookingStatus): 'unchanged' | 'change' {
  return from === to ? 'unchanged' : 'change';
}
