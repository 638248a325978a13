// A bulk delete or status update as asked: the status checked against the kind of record; the
// records named by their ids, or by a list filter whose count must still be the one the admin
// confirmed (else a 409 with the new count); up to CHUNK records done now in one transaction;
// more recorded and queued as a job in one transaction (a rollback queues nothing), its progress
// and report readable later. The operation itself is audited (entity, action, count, the filter
// without its typed text); each record changed is audited by its own module.
import type { Actor, BulkContext } from '../bulk.context.ts';
import {
  BULK_MAX,
  BULK_QUEUE,
  type BulkEntity,
  type BulkFilter,
  type BulkRequest,
  type BulkWhich,
} from '../bulk.schemas.ts';
import { applyBulkChunk } from './apply-bulk-chunk.ts';
import {
  auditableFilter,
  checkBulkStatus,
  checkCount,
  notFoundOf,
  runsInRequest,
  selectionOf,
} from './bulk-rules.ts';
import { targetOf } from './count-bulk-filter.ts';

export type BulkStarted =
  | { processing: 'immediate'; done: string[]; missing: string[] }
  | { processing: 'background'; operationId: string; total: number };

export interface BulkAsk {
  action: BulkRequest['action'];
  entity: BulkEntity;
  status?: string;
  which: BulkWhich;
}

/** The ids of the records asked for: as given, or what the filter matches now, if that is still the count confirmed. */
async function idsOf(ctx: Pick<BulkContext, 'targets'>, ask: BulkAsk): Promise<string[]> {
  if (selectionOf(ask.which) === 'ids') return ask.which.ids ?? [];
  const target = targetOf(ctx, ask.entity);
  const filter = ask.which.filter as BulkFilter;
  const count = await target.matching.count(filter);
  checkCount(ask.which.expected_count ?? -1, count);
  const ids = await target.matching.ids(filter, BULK_MAX);
  // Records came or went between the count and the read: the admin confirms again.
  checkCount(count, ids.length);
  return ids;
}

export async function startBulkOperation(
  ctx: BulkContext,
  input: { ask: BulkAsk; adminId: string; who: Actor },
): Promise<BulkStarted> {
  const { ask, adminId } = input;
  if (ask.action === 'status-update') {
    checkBulkStatus(targetOf(ctx, ask.entity).statuses, ask.status ?? '');
  }
  const ids = await idsOf(ctx, ask);
  const request: BulkRequest = {
    action: ask.action,
    entity: ask.entity,
    ids,
    ...(ask.status !== undefined ? { status: ask.status } : {}),
  };
  const fields = { action: request.action, entity: request.entity };
  const audited = (operationId: string | null) => ({
    ...input.who,
    action: `bulk.${ask.action === 'delete' ? 'delete' : 'status_update'}`,
    entity: ask.entity,
    entityId: operationId,
    changes: {
      count: ids.length,
      ...(ask.status !== undefined ? { status: ask.status } : {}),
      ...(ask.which.filter ? { filter: auditableFilter(ask.which.filter) } : { by: 'ids' }),
    },
  });
  if (runsInRequest(ids)) {
    const done = await applyBulkChunk(ctx, { request, ids, who: input.who });
    await ctx.audit.record(ctx.db, audited(null));
    ctx.log.info({ event: 'bulk.done', ...fields, done: done.length }, 'bulk operation done');
    return { processing: 'immediate', done, missing: notFoundOf(ids, done) };
  }
  const operationId = await ctx.db.transaction(async (tx) => {
    const op = await ctx.repo.insert({ adminId, ...fields, total: ids.length }, tx);
    const jobId = await ctx.jobs.send(BULK_QUEUE, { operationId: op.id, adminId, request }, { tx });
    await ctx.repo.setJobId(op.id, jobId, tx);
    await ctx.audit.record(tx, audited(op.id));
    return op.id;
  });
  ctx.log.info({ event: 'bulk.queued', ...fields, total: ids.length, operationId }, 'bulk operation queued');
  return { processing: 'background', operationId, total: ids.length };
}
