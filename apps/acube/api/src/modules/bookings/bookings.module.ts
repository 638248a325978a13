// Bookings as one module: its two mail templates, its repository and use-case context built
// once, its routes under the prefix it is registered with (/api/sessions).
import type { AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { BookingsContext } from './bookings.context.ts';
import { bookingCancelled, bookingReceived } from './bookings.mail.ts';
import { createBookingsRepository } from './bookings.repository.ts';
import { bookingsRoutes } from './bookings.routes.ts';

export const bookingsModule: FastifyPluginAsync<{
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
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
  };
  await app.register(bookingsRoutes, { ctx });
};
