// Where an audit export job stands, for the exports page: queued, running, completed (with its
// file), failed or cancelled. Like its file, only the admin who asked, or a superadmin, may see it.
import { forbidden, notFound } from '@campus/platform/errors';
import type { ExportsContext } from '../exports.context.ts';
import { AUDIT_EXPORT_QUEUE, type AuditExportState, exportFilePath } from '../exports.schemas.ts';
import { exportJobState, mayDownload } from './export-rules.ts';

export async function getAuditExport(
  ctx: Pick<ExportsContext, 'jobs'>,
  input: { jobId: string; admin: { id: string; roles: readonly string[] } },
): Promise<AuditExportState> {
  const job = await ctx.jobs.job(AUDIT_EXPORT_QUEUE, input.jobId);
  if (!job) throw notFound('Export job');
  const owner = (job.data as { adminId?: string } | null)?.adminId ?? null;
  if (!mayDownload({ createdBy: owner }, input.admin))
    throw forbidden('This export belongs to another admin');
  const state = exportJobState(job.state);
  const fileId =
    state === 'completed' ? ((job.output as { file_id?: string } | null)?.file_id ?? null) : null;
  return { job_id: job.id, state, file_id: fileId, file_url: fileId ? exportFilePath(fileId) : null };
}
