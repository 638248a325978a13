// How many bookings wait for staff (pending): what the dashboard shows, read through this module.
import type { Db } from '@campus/platform/db';
import { createBookingsRepository } from './bookings.repository.ts';

export function bookingsWaiting(db: () => Db, timeZone: string): () => Promise<number> {
  const repo = createBookingsRepository(db);
  return () => repo.countMatching({ status: 'pending' }, timeZone);
}
