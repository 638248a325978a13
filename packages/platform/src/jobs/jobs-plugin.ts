// Puts the job system on the app (`app.jobs`): the app defines its queues and schedules while
// registering; the system starts when the app is ready (only if it has queues), reports to
// /health/ready and its queue counts to /metrics (job-metrics.ts), and stops before the database
// closes, letting running jobs finish.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { readQueueCounts, registerJobMetrics } from './job-metrics.ts';
import { JobSystem } from './job-system.ts';
import type { JobSystemOptions } from './job-types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobSystem;
  }
}

export const jobsPlugin = fp(
  async (app: FastifyInstance, opts: JobSystemOptions) => {
    const jobs = new JobSystem(opts);
    let started = false;
    app.decorate('jobs', jobs);
    app.addHook('onReady', async () => {
      if (!jobs.hasQueues) return;
      await jobs.start();
      started = true;
      app.health.register('jobs', () => jobs.check());
      registerJobMetrics(app.metrics, { read: () => readQueueCounts(opts.database.db), logger: opts.logger });
    });
    app.addHook('onClose', async () => {
      if (started) await jobs.stop();
    });
  },
  { name: 'platform-jobs', dependencies: ['platform-database'] },
);
