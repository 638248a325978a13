// Selfie verification's entry: everything the app registers for it. In a process that runs
// jobs (ROLE worker or all) the face model files are checked first, so that a missing or
// corrupt model stops the start loudly instead of failing the first selfie, and the health
// check reports the face pool's threads. The queues are defined everywhere (an API process
// enqueues), the teacher's review routes under /api.
import type { FastifyInstance } from 'fastify';
import type { AttnServices } from '../../../services.ts';
import { checkFaceModelFiles } from '../engine/model-files.ts';
import { reviewRoutes } from './review.routes.ts';
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

export async function registerFaceVerification(app: FastifyInstance, services: AttnServices): Promise<void> {
  const { files, faces, clock, live, logger, db } = services;
  if (app.jobs.runsWorkers) {
    await checkFaceModelFiles();
    app.health.register('faces', async () => {
      const s = faces.stats();
      return {
        status: 'up',
        note: `threads ${s.threads}/${s.size}, loaded ${s.loaded}, busy ${s.busy}, queued ${s.queued}`,
      };
    });
  }
  app.jobs.define(verifyQueue({ db, files, faces, clock, live, logger }));
  app.jobs.define(
    stuckSweepQueue({
      db,
      files,
      clock,
      live,
      logger,
      requeue: (checkinId) => enqueueVerification(app.jobs, checkinId),
    }),
  );
  app.jobs.define(selfieSweepQueue({ db, files, clock, logger }));
  app.jobs.schedule(STUCK_SWEEP_QUEUE, STUCK_SWEEP_CRON);
  app.jobs.schedule(SELFIE_SWEEP_QUEUE, SELFIE_SWEEP_CRON);
  await app.register(reviewRoutes, { prefix: '/api', ...services });
}
