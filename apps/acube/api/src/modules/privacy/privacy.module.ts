// A person's data on request (KVKK, GDPR) as one module: the routes under /api/admin/privacy and
// the retention schedule. It has no table of its own: the records are reached through their
// modules' `<feature>ForPrivacy` adapters, the mails through the platform's mailer.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { FastifyPluginAsync } from 'fastify';
import { bookingsForPrivacy } from '../bookings/index.ts';
import { contactForPrivacy } from '../contact/index.ts';
import { registrationsForPrivacy } from '../events/index.ts';
import { volunteersForPrivacy } from '../volunteers/index.ts';
import type { PrivacyContext } from './privacy.context.ts';
import { retentionQueue } from './privacy.jobs.ts';
import { mailboxOf } from './privacy.mailbox.ts';
import { privacyRoutes } from './privacy.routes.ts';
import { RETENTION_CRON, RETENTION_QUEUE } from './privacy.schemas.ts';
import type { PrivacySettings } from './privacy.settings.ts';

export interface PrivacyModuleOptions extends PrivacySettings {
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
}

export const privacyModule: FastifyPluginAsync<PrivacyModuleOptions> = async (app, opts) => {
  const db = () => app.db;
  const ctx: PrivacyContext = {
    db: app.db,
    audit: opts.audit,
    clock: opts.clock,
    records: {
      bookings: bookingsForPrivacy(db),
      registrations: registrationsForPrivacy({
        db,
        audit: opts.audit,
        mail: app.mail,
        publicUrl: opts.publicUrl,
      }),
      volunteer_applications: volunteersForPrivacy(db),
      contact_messages: contactForPrivacy(db),
    },
    mailbox: mailboxOf(app.mail),
    retentionDays: opts.retentionDays,
  };
  app.jobs.define(retentionQueue(ctx));
  app.jobs.schedule(RETENTION_QUEUE, RETENTION_CRON);
  await app.register(privacyRoutes, { prefix: '/api/admin/privacy', ctx });
};
