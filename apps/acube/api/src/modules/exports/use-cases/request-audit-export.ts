// An admin asks for the audit log as CSV: the request is audited and the export job queued in
// one transaction (a rollback queues nothing). The job does the rest and mails the admin.
import type { Actor, ExportsContext } from '../exports.context.ts';
import { AUDIT_EXPORT_QUEUE, type AuditExportBody } from '../exports.schemas.ts';

export async function requestAuditExport(
  ctx: Pick<ExportsContext, 'db' | 'audit' | 'jobs'>,
  input: { adminId: string; filter: AuditExportBody; who: Actor },
): Promise<{ jobId: string }> {
  const jobId = await ctx.db.transaction(async (tx) => {
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'audit.export_requested',
      entity: 'audit_log',
      changes: { filters: Object.keys(input.filter) },
    });
    return ctx.jobs.send(AUDIT_EXPORT_QUEUE, { adminId: input.adminId, filter: input.filter }, { tx });
  });
  return { jobId };
}
