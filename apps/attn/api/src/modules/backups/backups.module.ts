// The platform's backup admin routes for ATTN, under /api/admin/backups, for admins only: the
// backups in DATA_DIR/backups, and one made now (embedded database; on PostgreSQL the answer
// points at pg_dump). Each backup made is written to the audit log by the platform's route.
import { backupAdminRoutes } from '@campus/platform/backup';
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';

export const BACKUPS_ADMIN_PREFIX = '/api/admin/backups';

export const backupsModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  await app.register(backupAdminRoutes, {
    prefix: BACKUPS_ADMIN_PREFIX,
    access: ['admin'],
    rateLimit: 'admin',
    audit: services.audit,
  });
};
