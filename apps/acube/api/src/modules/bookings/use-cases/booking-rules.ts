// The rules of a booking's life, without a database: which dates may be asked for, the consent
// a request needs, and what a cancellation through the private link or a staff change does to
// each status.
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

/**
 * Why a request's consent to processing health information does not count, or undefined when it
 * does: given (true, never assumed) under the privacy notice shown now, not an older one the page
 * was loaded with. A request with neither field (an API client, as the seed's example) passes and
 * records no consent; one field without the other does not.
 */
export function consentProblem(
  consent: { given: unknown; noticeVersion: string | undefined },
  currentNoticeVersion: string,
): 'consent_missing' | 'version_missing' | 'notice_outdated' | undefined {
  if (consent.given === undefined && consent.noticeVersion === undefined) return undefined;
  if (consent.given !== true) return 'consent_missing';
  if (!consent.noticeVersion) return 'version_missing';
  return consent.noticeVersion === currentNoticeVersion ? undefined : 'notice_outdated';
}
