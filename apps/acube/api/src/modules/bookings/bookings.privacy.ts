// Bookings as a person's data request and the retention schedule see them (through index.ts): a
// booking is closed once cancelled, completed or a no-show; its retention period runs from then.
// Erasing a booking mails nobody: a person who asked to be forgotten is not written to again.
import type { Db } from '@campus/platform/db';
import { bookings } from '../../db/schema/bookings.ts';
import { type PersonalRecords, personalRecords } from '../submissions/index.ts';

export const BOOKING_CLOSED = ['cancelled', 'completed', 'no-show'] as const;

export function bookingsForPrivacy(db: () => Db): PersonalRecords {
  return personalRecords(db, bookings, BOOKING_CLOSED);
}
