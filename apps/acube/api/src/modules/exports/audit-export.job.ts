// The audit export queue: its payload (the admin and the seed's filters), its retries and
// expiry, and a handler that runs the export use case. Built from the app's database and mailer
// so that bench/export can run the same job without the rest of the module.
import type { AuditLog } from '@campus/platform/audit';
import type { Files } from '@campus/platform/files';
import { defineQueue } from '@campus/platform/jobs';
import type { FastifyInstance } from 'fastify';
import { adminContacts } from '../admins/index.ts';
import { AUDIT_EXPORT_QUEUE, AuditExportJob } from './exports.schemas.ts';
import { exportAuditLog } from './use-cases/export-audit-log.ts';

export function auditExportQueue(
  app: Pick<FastifyInstance, 'db' | 'mail'>,
  deps: { audit: AuditLog; files: Files; publicUrl: string },
) {
  const ctx = {
    db: app.db,
    audit: deps.audit,
    files: deps.files,
    mail: app.mail,
    adminContact: adminContacts(() => app.db),
    publicUrl: deps.publicUrl,
  };
  return defineQueue({
    name: AUDIT_EXPORT_QUEUE,
    payload: AuditExportJob,
    retryLimit: 2,
    expireInSeconds: 3600,
    // The filter's words (action, entity) are the admin's free text: stored encrypted.
    sealed: true,
    // The file's id is the job's output: the exports page follows the job to it.
    handler: async (job) => ({ file_id: (await exportAuditLog(ctx, job.data)).id }),
  });
}
