// The attendance module: the owner of the check-ins (with their verification verdicts and marks
// by hand) and of their archive. Every query of checkins and checkins_archive is in its
// repositories; other modules read through index.ts. Builds the repositories and the use
// cases' context once, then registers the jobs (selfie verification and its two sweeps, the
// daily archive), their schedules, and the routes: the student's check-in, the teacher's view
// of a session's check-ins, marks by hand, the review of selfie verifications and excused
// absences.
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import { hasEnrolment } from '../face/index.ts';
import { getSession } from '../sessions/index.ts';
import { ARCHIVE_CRON, ARCHIVE_QUEUE, archiveQueue } from './archive.jobs.ts';
import type { AttendanceContext } from './attendance.context.ts';
import { createTicketSigner } from './checkin-tickets.ts';
import { createCheckinWriter } from './checkin-writer.ts';
import { createCheckinsRepository } from './checkins.repository.ts';
import { checkinsRoutes } from './checkins.routes.ts';
import { excusesRoutes } from './excuses.routes.ts';
import { marksRoutes } from './marks.routes.ts';
import { reviewRoutes } from './review.routes.ts';
import { createSessionCache } from './session-cache.ts';
import { sessionCheckinsRoutes } from './session-checkins.routes.ts';
import type { CheckInDeps } from './use-cases/check-in.ts';
import {
  enqueueVerification,
  SELFIE_SWEEP_CRON,
  SELFIE_SWEEP_QUEUE,
  STUCK_SWEEP_CRON,
  STUCK_SWEEP_QUEUE,
  selfieSweepQueue,
  stuckSweepQueue,
  verifyQueue,
} from './verification.jobs.ts';

export const attendanceModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const { config, db } = services;
  const ctx: AttendanceContext = {
    db,
    checkins: createCheckinsRepository(db),
    audit: services.audit,
    clock: services.clock,
    live: services.live,
    logger: services.logger,
    files: services.files,
    faces: services.faces,
  };

  // Selfie verification: defined everywhere (an API process enqueues), run where workers run.
  app.jobs.define(verifyQueue(ctx));
  app.jobs.define(
    stuckSweepQueue({ ...ctx, requeue: (checkinId) => enqueueVerification(app.jobs, checkinId) }),
  );
  app.jobs.define(selfieSweepQueue(ctx));
  app.jobs.schedule(STUCK_SWEEP_QUEUE, STUCK_SWEEP_CRON);
  app.jobs.schedule(SELFIE_SWEEP_QUEUE, SELFIE_SWEEP_CRON);
  // Attendance of finished terms moves to checkins_archive daily (once across all instances).
  app.jobs.define(archiveQueue(ctx));
  app.jobs.schedule(ARCHIVE_QUEUE, ARCHIVE_CRON);

  const deps: CheckInDeps = {
    sessions: createSessionCache({ load: (id) => getSession(db(), id), appSecret: config.appSecret }),
    // PGlite runs one statement at a time; on PostgreSQL a few batches may be in flight at once.
    writer: createCheckinWriter(ctx.checkins, { maxInFlight: app.database.kind === 'pglite' ? 1 : 4 }),
    tickets: createTicketSigner(config.appSecret),
    clock: ctx.clock,
    // Asked only for sessions that require a selfie.
    faceEnrolled: (studentId) => hasEnrolment(db(), studentId),
  };
  const enqueue = (checkinId: string) => enqueueVerification(app.jobs, checkinId);
  await app.register(checkinsRoutes, { prefix: '/api', ctx, deps, enqueueVerification: enqueue });
  await app.register(sessionCheckinsRoutes, { prefix: '/api', ctx });
  await app.register(marksRoutes, { prefix: '/api', ctx });
  await app.register(reviewRoutes, { prefix: '/api', ctx });
  await app.register(excusesRoutes, { prefix: '/api', ctx });
};
