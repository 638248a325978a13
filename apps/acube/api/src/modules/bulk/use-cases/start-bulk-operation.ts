// A bulk delete or status update as asked: the status checked against the kind of record; up to
// CHUNK ids done now in one transaction; more recorded and queued as a job in one transaction
// (a rollback queues nothing), its progress and report readable later.
import type { Actor, BulkContext } from '../bulk.context.ts';
import { BULK_QUEUE, type BulkEntity, type BulkRequest } from '../bulk.schemas.ts';
import { applyBulkChunk } from './apply-bulk-chunk.ts';
import { checkBulkStatus, notFoundOf, runsInRequest } from './bulk-rules.ts';

export type BulkStarted =
  | { processing: 'immediate'; done: string[]; missing: string[] }
  | { processing: 'background'; operationId: string; total: number };

export async function startBulkOperation(
  ctx: BulkContext,
  input: { request: BulkRequest; adminId: string; who: Actor },
): Promise<BulkStarted> {
  const { request, adminId } = input;
  if (request.action === 'status-update') {
    checkBulkStatus(ctx.targets[request.entity as BulkEntity]?.statuses ?? [], request.status ?? '');
  }
  const fields = { action: request.action, entity: request.entity };
  if (runsInRequest(request.ids)) {
    const done = await applyBulkChunk(ctx, { request, ids: request.ids, who: input.who });
    ctx.log.info({ event: 'bulk.done', ...fields, done: done.length }, 'bulk operation done');
    return { processing: 'immediate', done, missing: notFoundOf(request.ids, done) };
  }
  const operationId = await ctx.db.transaction(async (tx) => {
    const op = await ctx.repo.insert({ adminId, ...fields, total: request.ids.length }, tx);
    const jobId = await ctx.jobs.send(BULK_QUEUE, { operationId: op.id, adminId, request }, { tx });
    await ctx.repo.setJobId(op.id, jobId, tx);
    return op.id;
  });
  ctx.log.info(
    { event: 'bulk.queued', ...fields, total: request.ids.length, operationId },
    'bulk operation queued',
  );
  return { processing: 'background', operationId, total: request.ids.length };
}
