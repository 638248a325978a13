// ATTN as a plugin: the platform is already registered by buildApp; here come the modules,
// each given the services built once below.
import type { AppContext } from '@campus/platform/app/app-spec.ts';
import { AuditLog } from '@campus/platform/audit/audit-log.ts';
import { Files } from '@campus/platform/files/files.ts';
import { storageFor } from '@campus/platform/files/storage.ts';
import { defineQueue } from '@campus/platform/jobs/queue.ts';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AttnConfig } from './config.ts';
import { ARCHIVE_CRON, ARCHIVE_QUEUE, archiveQueue } from './modules/archive/archive.jobs.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createAttnAuth } from './modules/auth/auth.ts';
import { checkinsRoutes } from './modules/checkins/checkins.routes.ts';
import { coursesRoutes } from './modules/courses/courses.routes.ts';
import { FacePool } from './modules/face/engine/pool.ts';
import { faceEnrolmentRoutes } from './modules/face/enrolment/enrolment.routes.ts';
import { registerFaceVerification } from './modules/face/verification/verification.ts';
import { liveRoutes } from './modules/live/live.routes.ts';
import { createAttnLive } from './modules/live/live.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { sessionsRoutes } from './modules/sessions/sessions.routes.ts';
import { registerSisSync, sisClientFromConfig } from './modules/sis/sis.ts';
import { cameraNeedsHttps } from './public-url.ts';
import type { AttnServices } from './services.ts';

export const attnApp: FastifyPluginAsync<AppContext<AttnConfig>> = async (app, ctx) => {
  const { config, clock, logger } = ctx;
  // The QR codes point at PUBLIC_URL; a phone opens its camera there only over HTTPS.
  if (cameraNeedsHttps(config.publicUrl))
    logger.warn(
      { event: 'config.public_url_insecure', publicUrl: config.publicUrl },
      'PUBLIC_URL is plain http on a host other than localhost: phones will not open the camera ' +
        '(QR scanning, selfies) there; serve ATTN over HTTPS',
    );
  // The SIS adapter where SIS_URL is set (SIS people's passwords are checked there); else null.
  const sis = sisClientFromConfig(config.sis, logger);
  const auth = createAttnAuth(app, { config, clock, logger, sis });
  await app.register(authRoutes, { prefix: '/api/auth', auth, config });

  // Expired and revoked login sessions are deleted hourly (once across all instances).
  app.jobs.define(
    defineQueue({
      name: 'auth-sweep',
      payload: Type.Object({}),
      handler: async () => {
        const deleted = await auth.sessions.sweep(app.db);
        logger.info({ event: 'auth.swept', deleted }, 'expired login sessions deleted');
      },
    }),
  );
  app.jobs.schedule('auth-sweep', '7 * * * *');

  const services: AttnServices = {
    config,
    clock,
    logger,
    db: () => app.db,
    audit: new AuditLog(clock),
    auth,
    live: createAttnLive(app.live),
    // FACE_THREADS threads at most, started on the first selfie (an API-only process never does).
    faces: new FacePool({ size: config.faceThreads }),
    files: new Files({
      storage: storageFor(ctx.database, config.dataDir),
      kinds: { selfie: { maxBytes: 8 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] } },
      db: () => app.db,
      clock,
    }),
  };
  app.addHook('onClose', () => services.faces.close());
  await app.register(coursesRoutes, { prefix: '/api', ...services });
  await app.register(sessionsRoutes, { prefix: '/api', ...services });
  await app.register(checkinsRoutes, { prefix: '/api', ...services });
  await app.register(liveRoutes, { prefix: '/api', ...services });
  await app.register(reportsRoutes, { prefix: '/api', ...services });
  await app.register(faceEnrolmentRoutes, { prefix: '/api', ...services });
  // Attendance of finished terms moves to checkins_archive daily (once across all instances).
  app.jobs.define(archiveQueue({ db: services.db, clock, logger }));
  app.jobs.schedule(ARCHIVE_QUEUE, ARCHIVE_CRON);
  // Terms, courses and rosters from the SIS on a schedule; admin routes under /api/admin/sis.
  await registerSisSync(app, { sis, config, clock, logger, audit: services.audit });
  // Selfie verification: its job, schedules and health (worker role), the teacher's review routes.
  await registerFaceVerification(app, services);
};
