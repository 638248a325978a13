// The dashboard as one module: no table of its own; the app hands it a counter per record type
// from the owning modules, and it reads the job system's queue counts.
import type { FastifyPluginAsync } from 'fastify';
import type { DashboardCounters } from './dashboard.context.ts';
import { dashboardRoutes } from './dashboard.routes.ts';

export const dashboardModule: FastifyPluginAsync<{ counters: DashboardCounters }> = async (app, opts) => {
  await app.register(dashboardRoutes, { ctx: { counters: opts.counters, jobs: app.jobs } });
};
