// Staff read contact messages a page at a time: filtered, sorted, counted. Older clients'
// limit/before still page newest first through next_before.
import type { ListParams } from '../../listing/index.ts';
import { nextBefore } from '../../submissions/index.ts';
import type { ContactContext } from '../contact.context.ts';
import type { ContactRow } from '../contact.repository.ts';

export async function findMessages(
  ctx: Pick<ContactContext, 'repo' | 'timeZone'>,
  params: ListParams,
): Promise<{ rows: ContactRow[]; total: number; pageSize: number; nextBefore: Date | null }> {
  const { rows, total } = await ctx.repo.findList(params, ctx.timeZone);
  const pageSize = params.page_size ?? params.limit ?? 25;
  return {
    rows,
    total,
    pageSize,
    nextBefore: params.sort === '-created_at' ? nextBefore(rows, pageSize) : null,
  };
}
