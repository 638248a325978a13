// The platform's job admin routes for A-Cube, under /api/admin/jobs, for superadmins only: queues
// with their counts, failed and dead-lettered jobs, retry and cancel. A retry or cancel that
// happened is written to the audit log (the queue and the job id; a job's payload never).
import type { AuditLog } from '@campus/platform/audit';
import { auditContext } from '@campus/platform/audit';
import { jobsAdminRoutes } from '@campus/platform/jobs';
import type { FastifyPluginAsync } from 'fastify';

const ACTIONS: Record<string, string> = { retry: 'job.retried', cancel: 'job.cancelled' };

export const jobsModule: FastifyPluginAsync<{ audit: AuditLog }> = async (app, opts) => {
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'POST' || reply.statusCode >= 300) return;
    const { queue, id } = (request.params ?? {}) as { queue?: string; id?: string };
    const verb = request.routeOptions.url?.split('/').pop() ?? '';
    const action = ACTIONS[verb];
    if (!action || !queue || !id) return;
    await opts.audit.record(app.db, {
      ...auditContext(request),
      action,
      entity: 'job',
      entityId: id,
      changes: { queue },
    });
  });
  await app.register(jobsAdminRoutes, { access: ['superadmin'], rateLimit: 'admin' });
};
