// One chunk of a bulk operation in one transaction (its own, or the caller's `tx`: the job's chunk
// with its progress), through the module that owns the records: all of it or nothing. Answers
// the ids it changed (the rest were not found).
import type { Tx } from '@campus/platform/db';
import type { Actor, BulkContext } from '../bulk.context.ts';
import type { BulkEntity, BulkRequest } from '../bulk.schemas.ts';

export async function applyBulkChunk(
  ctx: Pick<BulkContext, 'db' | 'targets'>,
  input: { request: BulkRequest; ids: string[]; who: Actor; tx?: Tx },
): Promise<string[]> {
  const { request, ids, who } = input;
  const run = async (tx: Tx) => {
    const target = ctx.targets[request.entity as BulkEntity];
    if (!target) throw new Error(`unknown entity ${request.entity}`);
    return request.action === 'delete'
      ? target.delete({ ids, who, tx })
      : target.setStatus({ ids, status: request.status ?? '', who, tx });
  };
  return input.tx ? run(input.tx) : ctx.db.transaction(run);
}
