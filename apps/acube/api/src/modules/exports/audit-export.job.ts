// The audit export job: streams the filtered audit log through the platform's CSV writer into a
// stored file (readable by every instance), then mails the admin who asked a download link. The
// file is never whole in memory: each CSV chunk goes to the store as it is made, counted on the
// way (the store pulls, so the database is read only as fast as the store writes).
import type { AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Files } from '@campus/platform/files/files.ts';
import { defineQueue } from '@campus/platform/jobs/queue.ts';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createAdminsRepository } from '../admins/admins.repository.ts';
import { exportReady } from './exports.mail.ts';
import { AUDIT_EXPORT_QUEUE, AuditExportBody } from './exports.routes.ts';

export function auditExportQueue(
  app: FastifyInstance,
  deps: { audit: AuditLog; files: Files; publicUrl: string },
) {
  const admins = createAdminsRepository(() => app.db);
  return defineQueue({
    name: AUDIT_EXPORT_QUEUE,
    payload: Type.Object({ adminId: Type.String(), filter: AuditExportBody }),
    retryLimit: 2,
    expireInSeconds: 3600,
    handler: async (job) => {
      const f = job.data.filter;
      const csv = deps.audit.exportCsv(app.db, {
        ...(f.admin_id ? { actorId: f.admin_id } : {}),
        ...(f.action ? { action: f.action } : {}),
        ...(f.entity ? { entity: f.entity } : {}),
        ...(f.date_from ? { from: new Date(f.date_from) } : {}),
        ...(f.date_to ? { to: new Date(f.date_to) } : {}),
      });
      let rows = -1; // the header line
      async function* counted(): AsyncGenerator<Buffer> {
        for await (const chunk of csv) {
          const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
          for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) rows++;
          yield buffer;
        }
      }
      const file = await deps.files.storeGenerated(
        'export',
        counted(),
        `audit-log-${new Date().toISOString().slice(0, 10)}.csv`,
        'text/csv',
        job.data.adminId,
      );
      await deps.audit.record(app.db, {
        actorId: job.data.adminId,
        action: 'audit.exported',
        entity: 'stored_file',
        entityId: file.id,
        changes: { rows },
      });
      const admin = await admins.findById(job.data.adminId);
      if (admin) {
        await app.mail.send(exportReady, admin.email, {
          name: admin.name,
          what: 'audit log',
          rows,
          link: `${deps.publicUrl}/api/admin/bulk/export/files/${file.id}`,
        });
      }
    },
  });
}
