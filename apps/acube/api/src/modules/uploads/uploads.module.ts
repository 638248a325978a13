// Uploads as one module: event images and documents into the platform's file store, under the
// prefix it is registered with (/api/admin/uploads).
import type { AuditLog } from '@campus/platform/audit';
import type { Files } from '@campus/platform/files';
import type { FastifyPluginAsync } from 'fastify';
import type { UploadsContext } from './uploads.context.ts';
import { uploadsRoutes } from './uploads.routes.ts';

export const uploadsModule: FastifyPluginAsync<{ audit: AuditLog; files: Files }> = async (app, opts) => {
  const ctx: UploadsContext = { db: app.db, audit: opts.audit, files: opts.files };
  await app.register(uploadsRoutes, { ctx, maxBytes: opts.files.kinds.upload?.maxBytes ?? 0 });
};
