// The face module: a student's consent and enrolled face (the tables it alone writes), the face
// engine in its pool of threads, and judging a selfie against an enrolment (for the attendance
// module, through index.ts). In a process that runs jobs (ROLE worker or all) the face model
// files are checked first, so that a missing or corrupt model stops the start loudly instead of
// failing the first selfie, and the health check reports the face pool's threads.
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import { checkFaceModelFiles } from './engine/model-files.ts';
import type { FaceContext } from './face.context.ts';
import { faceRoutes } from './face.routes.ts';

export const faceModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const { faces } = services;
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
  const ctx: FaceContext = { db: services.db, audit: services.audit, clock: services.clock, faces };
  await app.register(faceRoutes, { prefix: '/api', ctx });
};
