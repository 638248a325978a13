// One chunk of a bulk operation in one transaction, through the module that owns the records:
// all of it or nothing. Answers the ids it changed (the rest were not found).
import type { Actor, BulkContext } from '../bulk.context.ts';
import type { BulkEntity, BulkRequest } from '../bulk.schemas.ts';

export async function applyBulkChunk(
  ctx: Pick<BulkContext, 'db' | 'targets'>,
  input: { request: BulkRequest; ids: string[]; who: Actor },
): Promise<string[]> {
  const { request, ids, who } = input;
  return ctx.db.transaction(async (tx) => {
    const target = ctx.targets[request.entity as BulkEntity];
    if (!target) throw new Error(`unknown entity ${request.entity}`);
    return request.action === 'delete'
      ? target.delete({ ids, who, tx })
      : target.setStatus({ ids, status: request.status ?? '', who, tx });
  });
}
