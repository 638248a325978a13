// Staff read contact messages a page at a time: filtered, sorted, counted. Older clients'
// limit/before still page newest first through next_before.
import { type ListPageOf, type ListParams, readListPage } from '../../listing/index.ts';
import type { ContactContext } from '../contact.context.ts';
import type { ContactRow } from '../contact.repository.ts';

export function findMessages(
  ctx: Pick<ContactContext, 'repo' | 'timeZone'>,
  params: ListParams,
): Promise<ListPageOf<ContactRow>> {
  return readListPage(ctx.repo, params, ctx.timeZone);
}
