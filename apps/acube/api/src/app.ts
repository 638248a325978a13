// A-Cube as a plugin: the platform is already registered by buildApp; here come the modules.
import type { AppContext } from '@campus/platform/app';
import { AuditLog, auditRoutes } from '@campus/platform/audit';
import { Files, storageFor } from '@campus/platform/files';
import type { FastifyPluginAsync } from 'fastify';
import type { AcubeConfig } from './config.ts';
import { installAbuseGuards } from './modules/abuse/index.ts';
import { adminsModule, createAdminAuth } from './modules/admins/index.ts';
import { backupsModule } from './modules/backups/index.ts';
import { bookingsModule, bookingsWaiting } from './modules/bookings/index.ts';
import { bulkModule } from './modules/bulk/index.ts';
import { contactModule, messagesWaiting } from './modules/contact/index.ts';
import { dashboardModule } from './modules/dashboard/index.ts';
import { eventsModule } from './modules/events/index.ts';
import { exportsModule } from './modules/exports/index.ts';
import { jobsModule } from './modules/jobs/index.ts';
import { privacyModule } from './modules/privacy/index.ts';
import { siteModule } from './modules/site/index.ts';
import { uploadsModule } from './modules/uploads/index.ts';
import { applicationsWaiting, volunteersModule } from './modules/volunteers/index.ts';

export const acubeApp: FastifyPluginAsync<AppContext<AcubeConfig>> = async (app, ctx) => {
  // The services the modules share, built once: who the admin is (the bearer authenticator on
  // every route), the audit log, and the file store (exports, bulk reports, uploads).
  const auth = createAdminAuth(app, ctx);
  const audit = new AuditLog(ctx.clock);
  const files = new Files({
    storage: storageFor(ctx.database, ctx.config.dataDir),
    kinds: {
      export: { maxBytes: 2 ** 31 - 1, types: ['text/csv'] },
      upload: {
        maxBytes: 10 * 1024 * 1024,
        types: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'],
      },
    },
    db: () => app.db,
    clock: ctx.clock,
  });
  const { clock } = ctx;
  const { publicUrl } = ctx.config;
  const { timeZone } = ctx.config.site;

  await app.register(adminsModule, { auth, audit, clock, publicUrl, corsOrigins: ctx.config.corsOrigins });
  await app.register(siteModule, { prefix: '/api/site', site: ctx.config.site });
  // The bot check and the mail cap, before the modules whose public forms use them.
  const { abuse, appSecret } = ctx.config;
  await installAbuseGuards(app, { settings: abuse, appSecret, clock, timeZone });
  await app.register(bookingsModule, {
    prefix: '/api/sessions',
    audit,
    clock,
    publicUrl,
    privacyNoticeVersion: ctx.config.site.privacyNoticeVersion,
    timeZone,
    mailFrom: ctx.config.mailFrom,
  });
  await app.register(eventsModule, { audit, clock, publicUrl, files, timeZone });
  await app.register(volunteersModule, { prefix: '/api/volunteers', audit, clock, timeZone });
  await app.register(contactModule, { prefix: '/api/contact', audit, clock, timeZone });

  await app.register(exportsModule, { audit, files, publicUrl, timeZone });
  await app.register(uploadsModule, { prefix: '/api/admin/uploads', audit, files });
  await app.register(bulkModule, {
    audit,
    files,
    clock,
    publicUrl,
    timeZone,
    mailFrom: ctx.config.mailFrom,
    chunkPauseMs: ctx.config.bulk.chunkPauseMs,
  });

  const db = () => app.db;
  await app.register(dashboardModule, {
    prefix: '/api/admin/dashboard',
    counters: {
      bookingsNew: bookingsWaiting(db, timeZone),
      messagesNew: messagesWaiting(db, timeZone),
      applicationsNew: applicationsWaiting(db, timeZone),
    },
  });
  await app.register(privacyModule, { audit, clock, publicUrl, ...ctx.config.privacy });
  await app.register(jobsModule, { prefix: '/api/admin/jobs', audit });
  await app.register(backupsModule, { prefix: '/api/admin/backups', audit });

  await app.register(auditRoutes, {
    prefix: '/api/admin/audit-logs',
    audit,
    access: ['staff', 'superadmin'],
    rateLimit: 'admin',
    exportRateLimit: 'export',
  });
};
