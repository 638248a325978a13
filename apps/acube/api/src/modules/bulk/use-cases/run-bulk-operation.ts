// The background job of a bulk operation: chunk by chunk, each in its own transaction; the first
// chunk that fails changes nothing and stops the job. The report (every id with its outcome)
// streams into the file store line by line, the operation row records the outcome, and the
// admin who asked is mailed a summary with the report's link.
import { Readable } from 'node:stream';
import type { BulkContext } from '../bulk.context.ts';
import { bulkReport } from '../bulk.mail.ts';
import { type BulkJobPayload, reportDownloadLink } from '../bulk.schemas.ts';
import { applyBulkChunk } from './apply-bulk-chunk.ts';
import { CHUNK, chunksOf, countChunk, countFailedChunk, emptyOutcome, reportLines } from './bulk-rules.ts';

export async function runBulkOperation(
  ctx: BulkContext,
  input: BulkJobPayload & { jobId: string; progress(done: number, total: number): Promise<void> },
): Promise<void> {
  const { operationId, adminId, request } = input;
  await ctx.repo.markRunning(operationId);
  const who = { actorId: adminId, ip: null, requestId: `job:${input.jobId}` };
  const total = request.ids.length;
  const outcome = emptyOutcome();
  for (const [index, chunk] of chunksOf(request.ids).entries()) {
    try {
      countChunk(outcome, chunk, await applyBulkChunk(ctx, { request, ids: chunk, who }));
      await input.progress(index * CHUNK + chunk.length, total);
    } catch (err) {
      ctx.log.error(
        { err, operationId, chunk: index },
        'bulk chunk failed: it was rolled back and the job stops',
      );
      countFailedChunk(outcome, request.ids, index);
      break;
    }
  }
  const file = await ctx.files.storeGenerated(
    'export',
    Readable.from(reportLines(outcome)),
    `bulk-${request.action}-${operationId}.csv`,
    'text/csv',
    adminId,
  );
  await ctx.repo.finish(operationId, { outcome, reportFileId: file.id, finishedAt: ctx.clock.now() });
  const counts = {
    done: outcome.done.length,
    missing: outcome.missing.length,
    failed: outcome.failed.length,
    notAttempted: outcome.not_attempted.length,
  };
  ctx.log.info(
    {
      event: 'bulk.finished',
      operationId,
      done: counts.done,
      failed: counts.failed,
      notAttempted: counts.notAttempted,
    },
    'bulk operation finished',
  );
  const admin = await ctx.adminContact(adminId);
  if (admin) {
    await ctx.mail.send(bulkReport, admin.email, {
      name: admin.name,
      action: request.action,
      entity: request.entity,
      total,
      ...counts,
      link: reportDownloadLink(ctx.publicUrl, file.id),
    });
  }
}
