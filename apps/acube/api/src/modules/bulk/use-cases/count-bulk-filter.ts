// How many records of a kind a list filter matches now: what the panel asks before it offers
// "all N matching" to a bulk operation.
import type { BulkEditable } from '../../submissions/index.ts';
import type { BulkContext } from '../bulk.context.ts';
import type { BulkEntity, BulkFilter } from '../bulk.schemas.ts';

export function targetOf(ctx: Pick<BulkContext, 'targets'>, entity: BulkEntity): BulkEditable {
  const target = ctx.targets[entity];
  if (!target) throw new Error(`unknown entity ${entity}`);
  return target;
}

export function countBulkFilter(
  ctx: Pick<BulkContext, 'targets'>,
  input: { entity: BulkEntity; filter: BulkFilter },
): Promise<number> {
  return targetOf(ctx, input.entity).matching.count(input.filter);
}
