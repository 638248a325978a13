// ATTN as a plugin: the platform is already registered by buildApp; here come the services
// built once, then the modules, each given them. Lower modules first: a module reaches another
// only through its index.ts, and never one registered after it.
import type { AppContext } from '@campus/platform/app';
import { AuditLog } from '@campus/platform/audit';
import { Files, storageFor } from '@campus/platform/files';
import type { FastifyPluginAsync } from 'fastify';
import type { AttnConfig } from './config.ts';
import { createAttnLive } from './live-channel.ts';
import { attendanceModule } from './modules/attendance/index.ts';
import { authModule } from './modules/auth/index.ts';
import { backupsModule } from './modules/backups/index.ts';
import { coursesModule } from './modules/courses/index.ts';
import { FacePool, faceModule } from './modules/face/index.ts';
import { jobsModule } from './modules/jobs/index.ts';
import { liveModule } from './modules/live/index.ts';
import { myCoursesModule } from './modules/my-courses/index.ts';
import { privacyModule } from './modules/privacy/index.ts';
import { reportsModule } from './modules/reports/index.ts';
import { sessionsModule } from './modules/sessions/index.ts';
import { sisClientFromConfig, sisModule } from './modules/sis/index.ts';
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

  const services: AttnServices = {
    config,
    clock,
    logger,
    db: () => app.db,
    audit: new AuditLog(clock),
    live: createAttnLive(app.live),
    // FACE_THREADS threads at most, started on the first selfie (an API-only process never does).
    faces: new FacePool({ size: config.faceThreads, quality: config.faceQuality }),
    files: new Files({
      storage: storageFor(ctx.database, config.dataDir),
      kinds: { selfie: { maxBytes: 8 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] } },
      db: () => app.db,
      clock,
    }),
    // The SIS adapter where SIS_URL is set (SIS people's passwords are checked there); else null.
    sis: sisClientFromConfig(config.sis, logger),
  };
  app.addHook('onClose', () => services.faces.close());

  await app.register(sisModule, services);
  await app.register(authModule, services);
  await app.register(coursesModule, services);
  await app.register(faceModule, services);
  await app.register(sessionsModule, services);
  await app.register(attendanceModule, services);
  await app.register(liveModule, services);
  await app.register(reportsModule, services);
  await app.register(myCoursesModule, services);
  // A student's data on request and the face data retention schedule, over the modules above.
  await app.register(privacyModule, services);
  // Last: the admins' view of every queue the modules above defined.
  await app.register(jobsModule, services);
  await app.register(backupsModule, services);
};
