// The jobs module: the platform's job admin routes (queues with their counts, failed and
// dead-lettered jobs, retry, cancel) under /api/admin/jobs, for ATTN's admins only. It owns no
// queue: the other modules define theirs; registered last, it sees them all.
import { jobsAdminRoutes } from '@campus/platform/jobs';
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';

export const JOBS_ADMIN_PREFIX = '/api/admin/jobs';

export const jobsModule: FastifyPluginAsync<AttnServices> = async (app) => {
  await app.register(jobsAdminRoutes, { prefix: JOBS_ADMIN_PREFIX, access: ['admin'], rateLimit: 'admin' });
};
