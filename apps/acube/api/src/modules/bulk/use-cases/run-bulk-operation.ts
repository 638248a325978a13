// The background job of a bulk operation, chunk by chunk (job.inChunks): each chunk's changes,
// their audit rows, the chunk's outcome on the operation row and the job's progress commit in
// one transaction. A run after a killed worker (another process takes the job over) resumes
// after the last committed chunk and reads the outcome so far back from the row, so no record is
// changed, audited or reported twice. The first chunk that fails changes nothing and stops the
// job. The report (every id once, with its outcome) streams into the file store, and the
// operation's end and the mail to the admin who asked commit together.
import { Readable } from 'node:stream';
import { ChunkFailedError, type JobContext } from '@campus/platform/jobs';
import type { BulkContext } from '../bulk.context.ts';
import { bulkReport } from '../bulk.mail.ts';
import { type BulkJobPayload, reportDownloadLink } from '../bulk.schemas.ts';
import { applyBulkChunk } from './apply-bulk-chunk.ts';
import { CHUNK, countFailedChunk, emptyOutcome, notFoundOf, reportLines } from './bulk-rules.ts';

export async function runBulkOperation(
  ctx: BulkContext,
  input: BulkJobPayload & { jobId: string; inChunks: JobContext<unknown>['inChunks']; pauseMs?: number },
): Promise<void> {
  const { operationId, adminId, request } = input;
  const before = await ctx.repo.getById(operationId);
  if (!before || before.status === 'completed' || before.status === 'failed') {
    // An earlier run finished it (and was killed before pg-boss heard): nothing left to do.
    ctx.log.info({ event: 'bulk.already_finished', operationId }, 'bulk operation already finished');
    return;
  }
  await ctx.repo.markRunning(operationId);
  const who = { actorId: adminId, ip: null, requestId: `job:${input.jobId}` };
  const total = request.ids.length;
  let failedChunk: number | null = null;
  try {
    const plan = { total, size: CHUNK, pauseMs: input.pauseMs ?? 0 };
    const run = await input.inChunks(plan, async ({ start, end }, tx) => {
      const chunk = request.ids.slice(start, end);
      const changed = await applyBulkChunk(ctx, { request, ids: chunk, who, tx });
      await ctx.repo.recordChunk(operationId, { done: changed, missing: notFoundOf(chunk, changed) }, tx);
    });
    if (run.resumedAt > 0) {
      ctx.log.info(
        { event: 'bulk.resumed', operationId, resumedAt: run.resumedAt },
        'bulk operation resumed after its last committed chunk',
      );
    }
  } catch (err) {
    // Lost to another worker (JobTakenOverError) or the database gone: the job fails and runs again.
    if (!(err instanceof ChunkFailedError)) throw err;
    ctx.log.error(
      { err: err.cause, operationId, chunk: err.range.index },
      'bulk chunk failed: it was rolled back and the job stops',
    );
    failedChunk = err.range.index;
  }
  const outcome = (await ctx.repo.getById(operationId))?.outcome ?? emptyOutcome();
  if (failedChunk !== null) countFailedChunk(outcome, request.ids, failedChunk);
  const file = await ctx.files.storeGenerated(
    'export',
    Readable.from(reportLines(outcome)),
    `bulk-${request.action}-${operationId}.csv`,
    'text/csv',
    adminId,
  );
  const counts = {
    done: outcome.done.length,
    missing: outcome.missing.length,
    failed: outcome.failed.length,
    notAttempted: outcome.not_attempted.length,
  };
  const admin = await ctx.adminContact(adminId);
  await ctx.db.transaction(async (tx) => {
    await ctx.repo.finish(operationId, { outcome, reportFileId: file.id, finishedAt: ctx.clock.now() }, tx);
    if (!admin) return;
    const values = { name: admin.name, action: request.action, entity: request.entity, total, ...counts };
    const link = reportDownloadLink(ctx.publicUrl, file.id);
    await ctx.mail.send(bulkReport, admin.email, { ...values, link }, { tx });
  });
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
}
