// A-Cube as a plugin: the platform is already registered by buildApp; here come the modules.
import type { AppContext } from '@campus/platform/app/app-spec.ts';
import { AuditLog } from '@campus/platform/audit/audit-log.ts';
import { auditRoutes } from '@campus/platform/audit/audit-routes.ts';
import { Files } from '@campus/platform/files/files.ts';
import { storageFor } from '@campus/platform/files/storage.ts';
import { defineQueue } from '@campus/platform/jobs/queue.ts';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AcubeConfig } from './config.ts';
import { adminAuthRoutes } from './modules/admins/admin-auth.routes.ts';
import { createAdminAuth } from './modules/admins/admin-auth.ts';
import { adminWelcome } from './modules/admins/admins.mail.ts';
import { adminsRoutes } from './modules/admins/admins.routes.ts';
import { bookingsModule } from './modules/bookings/index.ts';
import { bulkReport } from './modules/bulk/bulk.mail.ts';
import { bulkRoutes } from './modules/bulk/bulk.routes.ts';
import { BULK_QUEUE, createBulkService } from './modules/bulk/bulk.service.ts';
import { contactModule } from './modules/contact/index.ts';
import { eventsModule } from './modules/events/index.ts';
import { auditExportQueue } from './modules/exports/audit-export.job.ts';
import { exportReady } from './modules/exports/exports.mail.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { siteModule } from './modules/site/index.ts';
import { uploadsRoutes } from './modules/uploads/uploads.routes.ts';
import { volunteersModule } from './modules/volunteers/index.ts';

export const acubeApp: FastifyPluginAsync<AppContext<AcubeConfig>> = async (app, ctx) => {
  const auth = createAdminAuth(app, ctx);
  await app.register(adminAuthRoutes, { prefix: '/api/admin/auth', auth, config: ctx.config });
  // Spent and expired refresh tokens are deleted hourly (once across all instances).
  app.jobs.define(
    defineQueue({
      name: 'auth-sweep',
      payload: Type.Object({}),
      handler: async () => {
        const deleted = await auth.refresh.sweep(app.db);
        ctx.logger.info({ event: 'auth.swept', deleted }, 'expired refresh tokens deleted');
      },
    }),
  );
  app.jobs.schedule('auth-sweep', '17 * * * *');

  await app.register(siteModule, { prefix: '/api/site', site: ctx.config.site });

  const audit = new AuditLog(ctx.clock);
  await app.register(bookingsModule, {
    prefix: '/api/sessions',
    audit,
    clock: ctx.clock,
    publicUrl: ctx.config.publicUrl,
  });

  await app.register(eventsModule, { audit, clock: ctx.clock, publicUrl: ctx.config.publicUrl });

  await app.register(volunteersModule, { prefix: '/api/volunteers', audit, clock: ctx.clock });
  await app.register(contactModule, { prefix: '/api/contact', audit, clock: ctx.clock });

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
  app.mail.template(exportReady);
  app.jobs.define(auditExportQueue(app, { audit, files, publicUrl: ctx.config.publicUrl }));
  await app.register(exportsRoutes, { prefix: '/api/admin/bulk/export', files, audit });

  await app.register(uploadsRoutes, { prefix: '/api/admin/uploads', files, audit });

  app.mail.template(bulkReport);
  const bulk = createBulkService({
    db: () => app.db,
    audit,
    files,
    mail: app.mail,
    clock: ctx.clock,
    logger: ctx.logger,
    publicUrl: ctx.config.publicUrl,
  });
  app.jobs.define(
    defineQueue({
      name: BULK_QUEUE,
      payload: Type.Object({
        operationId: Type.String(),
        adminId: Type.String(),
        request: Type.Object({
          action: Type.Union([Type.Literal('delete'), Type.Literal('status-update')]),
          entity: Type.String(),
          ids: Type.Array(Type.String()),
          status: Type.Optional(Type.String()),
        }),
      }),
      retryLimit: 2,
      expireInSeconds: 3600,
      handler: (job) => bulk.runJob(job),
    }),
  );
  await app.register(bulkRoutes, { prefix: '/api/admin/bulk', bulk });

  app.mail.template(adminWelcome);
  await app.register(adminsRoutes, {
    prefix: '/api/admin',
    auth,
    audit,
    clock: ctx.clock,
    publicUrl: ctx.config.publicUrl,
  });
  await app.register(auditRoutes, {
    prefix: '/api/admin/audit-logs',
    audit,
    access: ['staff', 'superadmin'],
    rateLimit: 'admin',
    exportRateLimit: 'export',
  });
};
