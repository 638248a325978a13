// An event's times as a rule without a database: it ends after it starts (an end is optional).
// Checked on create and on every edit, against the stored start or end the edit leaves as it is.
import { AppError } from '@campus/platform/errors';

/** Throws a 400 about `body.ends_at` (the field the person fixes) when the end is not after the start. */
export function checkEventTimes(startsAt: Date, endsAt: Date | null): void {
  if (endsAt !== null && endsAt.getTime() <= startsAt.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ field: 'body.ends_at', message: 'must be after the start (starts_at)' }],
    });
  }
}
