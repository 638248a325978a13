// Bookings as one module: its mail templates (the request's, and the appointment's with their
// calendar files), its repositories and use-case context built once, its routes under the prefix
// it is registered with (/api/sessions). Bulk operations and
// exports reach its table through the two adapters below.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Mailer } from '@campus/platform/mail';
import type { FastifyPluginAsync } from 'fastify';
import { bookingStatuses } from '../../db/schema/bookings.ts';
import { checkFilter, listExportQuery, listSource } from '../listing/index.ts';
import { type BulkEditable, bulkEditable } from '../submissions/index.ts';
import { appointmentCancelled, appointmentSet } from './bookings.appointment.mail.ts';
import { createAppointmentsRepository } from './bookings.appointment.repository.ts';
import { appointmentRoutes } from './bookings.appointment.routes.ts';
import type { BookingsContext } from './bookings.context.ts';
import { bookingCancelled, bookingReceived } from './bookings.mail.ts';
import {
  BOOKING_LIST,
  BOOKING_SORTABLE,
  type BookingListFilter,
  type BookingRow,
  createBookingsRepository,
} from './bookings.repository.ts';
import { bookingsRoutes } from './bookings.routes.ts';
import { BookingFilter } from './bookings.schemas.ts';
import { cancellingAppointments } from './use-cases/cancel-in-bulk.ts';

export const bookingsModule: FastifyPluginAsync<{
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
  privacyNoticeVersion: string;
  timeZone: string;
  /** MAIL_FROM: the organizer of an appointment's calendar invitation. */
  mailFrom: string;
}> = async (app, opts) => {
  app.mail.template(bookingReceived);
  app.mail.template(bookingCancelled);
  app.mail.template(appointmentSet);
  app.mail.template(appointmentCancelled);
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
    appointments: createAppointmentsRepository(() => app.db),
    mailFrom: opts.mailFrom,
  };
  await app.register(bookingsRoutes, { ctx });
  await app.register(appointmentRoutes, { ctx });
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
  mail: Pick<Mailer, 'send'>;
  publicUrl: string;
  mailFrom: string;
}): BulkEditable {
  const store = createBookingsRepository(deps.db);
  return bulkEditable(deps, {
    entity: 'booking',
    statuses: bookingStatuses,
    // Cancelling a booking with an appointment mails the calendar's cancellation, as one at a time does.
    store: cancellingAppointments(store, { ...deps, appointments: createAppointmentsRepository(deps.db) }),
    matching: {
      count: (filter) => store.countMatching(checkFilter(BookingFilter, filter), deps.timeZone),
      ids: (filter, max) => store.idsMatching(checkFilter(BookingFilter, filter), deps.timeZone, max),
    },
  });
}

/** The bookings a list query matches, in its sort, a batch at a time: what the CSV export reads. */
export function bookingsForExport(db: () => Db, timeZone: string) {
  const repo = createBookingsRepository(db);
  return listSource<BookingRow, BookingListFilter & { sort?: string }>({
    query: listExportQuery(BookingFilter, BOOKING_SORTABLE, '-created_at'),
    columns: BOOKING_LIST,
    defaultSort: '-created_at',
    read: (query, after, limit) => repo.findMatchingAfter(query, timeZone, after, limit),
  });
}
