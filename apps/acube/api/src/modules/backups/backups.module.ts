// The platform's backup admin routes for A-Cube, under /api/admin/backups, for superadmins only:
// the backups in DATA_DIR/backups, and one made now (embedded database; on PostgreSQL the answer
// points at pg_dump). Each backup made is written to the audit log by the platform's route.
import type { AuditLog } from '@campus/platform/audit';
import { backupAdminRoutes } from '@campus/platform/backup';
import type { FastifyPluginAsync } from 'fastify';

export const backupsModule: FastifyPluginAsync<{ audit: AuditLog }> = async (app, opts) => {
  await app.register(backupAdminRoutes, { access: ['superadmin'], rateLimit: 'admin', audit: opts.audit });
};
