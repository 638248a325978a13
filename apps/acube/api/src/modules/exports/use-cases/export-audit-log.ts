// The audit export job's work: the filtered audit log through the platform's CSV writer into a
// stored file (readable by every instance), then a download link mailed to the admin who asked.
// The file is never whole in memory: each CSV chunk goes to the store as it is made, its lines
// counted on the way (the store pulls, so the database is read only as fast as the store writes).
import type { StoredFile } from '@campus/platform/files';
import type { ExportsContext } from '../exports.context.ts';
import { exportReady } from '../exports.mail.ts';
import { type AuditExportBody, exportDownloadLink } from '../exports.schemas.ts';
import { auditFilterOf, countingLines } from './export-rules.ts';

export async function exportAuditLog(
  ctx: Pick<ExportsContext, 'db' | 'audit' | 'files' | 'mail' | 'adminContact' | 'publicUrl'>,
  input: { adminId: string; filter: AuditExportBody },
): Promise<StoredFile> {
  const csv = ctx.audit.exportCsv(ctx.db, auditFilterOf(input.filter));
  const count = { lines: 0 };
  const file = await ctx.files.storeGenerated(
    'export',
    countingLines(csv, count),
    `audit-log-${new Date().toISOString().slice(0, 10)}.csv`,
    'text/csv',
    input.adminId,
  );
  const rows = count.lines - 1; // the header line
  await ctx.audit.record(ctx.db, {
    actorId: input.adminId,
    action: 'audit.exported',
    entity: 'stored_file',
    entityId: file.id,
    changes: { rows },
  });
  const admin = await ctx.adminContact(input.adminId);
  if (admin) {
    await ctx.mail.send(exportReady, admin.email, {
      name: admin.name,
      what: 'audit log',
      rows,
      link: exportDownloadLink(ctx.publicUrl, file.id),
    });
  }
  return file;
}
