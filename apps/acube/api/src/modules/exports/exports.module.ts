// Exports as one module: the export-ready mail template, the audit export's queue, and the
// routes under /api/admin/bulk/export. The records a CSV holds are read through their own
// modules' export adapters; the files are the platform's store. It has no table of its own.
import type { AuditLog } from '@campus/platform/audit';
import type { Files } from '@campus/platform/files';
import type { FastifyPluginAsync } from 'fastify';
import { adminContacts } from '../admins/index.ts';
import { bookingsForExport } from '../bookings/index.ts';
import { contactForExport } from '../contact/index.ts';
import { eventsForExport, registrationsForExport } from '../events/index.ts';
import { volunteersForExport } from '../volunteers/index.ts';
import { auditExportQueue } from './audit-export.job.ts';
import type { ExportsContext } from './exports.context.ts';
import { exportReady } from './exports.mail.ts';
import { exportsRoutes } from './exports.routes.ts';

export interface ExportsModuleOptions {
  audit: AuditLog;
  files: Files;
  publicUrl: string;
  /** The organisation's zone (TIME_ZONE): the days of an export's filter are its days. */
  timeZone: string;
}

export const exportsModule: FastifyPluginAsync<ExportsModuleOptions> = async (app, opts) => {
  const db = () => app.db;
  const ctx: ExportsContext = {
    db: app.db,
    audit: opts.audit,
    files: opts.files,
    mail: app.mail,
    jobs: app.jobs,
    sources: {
      bookings: bookingsForExport(db, opts.timeZone),
      events: eventsForExport(app.db, opts.timeZone),
      registrations: registrationsForExport(app.db, opts.timeZone),
      volunteers: volunteersForExport(db, opts.timeZone),
      contact: contactForExport(db, opts.timeZone),
    },
    adminContact: adminContacts(db),
    publicUrl: opts.publicUrl,
  };
  app.mail.template(exportReady);
  app.jobs.define(auditExportQueue(app, opts));
  await app.register(exportsRoutes, { prefix: '/api/admin/bulk/export', ctx });
};
