// Staff read volunteer applications a page at a time: filtered, sorted, counted. Older clients'
// limit/before still page newest first through next_before.
import { type ListPageOf, type ListParams, readListPage } from '../../listing/index.ts';
import type { VolunteersContext } from '../volunteers.context.ts';
import type { VolunteerRow } from '../volunteers.repository.ts';

export function findApplications(
  ctx: Pick<VolunteersContext, 'repo' | 'timeZone'>,
  params: ListParams,
): Promise<ListPageOf<VolunteerRow>> {
  return readListPage(ctx.repo, params, ctx.timeZone);
}
