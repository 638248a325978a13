// Bookings as one module: its two mail templates, its repository and use-case context built
// once, its routes under the prefix it is registered with (/api/sessions). Bulk operations and
// exports reach its table through the two adapters below.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { FastifyPluginAsync } from 'fastify';
import { bookingStatuses } from '../../db/schema/bookings.ts';
import { checkFilter } from '../listing/index.ts';
import { type BulkEditable, bulkEditable } from '../submissions/index.ts';
import type { BookingsContext } from './bookings.context.ts';
import { bookingCancelled, bookingReceived } from './bookings.mail.ts';
import { type BookingRow, type CreationCursor, createBookingsRepository } from './bookings.repository.ts';
import { BookingFilter } from './bookings.schemas.ts';
import { bookingsRoutes } from './bookings.routes.ts';

export const bookingsModule: FastifyPluginAsync<{
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
  privacyNoticeVersion: string;
  timeZone: string;
}> = async (app, opts) => {
  app.mail.template(bookingReceived);
  app.mail.template(bookingCancelled);
  const ctx: BookingsContext = {
    db: app.db,
    repo: createBookingsRepository(() => app.db),
    audit: opts.audit,
    clock: opts.clock,
    mail: app.mail,
    log: app.log,
    publicUrl: opts.publicUrl,
    privacyNoticeVersion: opts.privacyNoticeVersion,
    timeZone: opts.timeZone,
  };
  await app.register(bookingsRoutes, { ctx });
};

/**
 * Bookings as a bulk operation changes them: in its transaction, audited as bulk changes. Unlike
 * a single status change, the same status again is set and recorded (as bulk always did).
 */
export function bookingsForBulk(deps: {
  db: () => Db;
  audit: AuditLog;
  clock: Clock;
  timeZone: string;
}): BulkEditable {
  const store = createBookingsRepository(deps.db);
  return bulkEditable(deps, {
    entity: 'booking',
    statuses: bookingStatuses,
    store,
    matching: {
      count: (filter) => store.countMatching(checkFilter(BookingFilter, filter), deps.timeZone),
      ids: (filter, max) => store.idsMatching(checkFilter(BookingFilter, filter), deps.timeZone, max),
    },
  });
}

/** Every booking in creation order, a page at a time: what the CSV export reads. */
export function bookingsForExport(
  db: () => Db,
): (after: CreationCursor | undefined, limit: number) => Promise<BookingRow[]> {
  const repo = createBookingsRepository(db);
  return (after, limit) => repo.findAfter(after, limit);
}
