// Staff read volunteer applications a page at a time: filtered, sorted, counted. Older clients'
// limit/before still page newest first through next_before.
import type { ListParams } from '../../listing/index.ts';
import { nextBefore } from '../../submissions/index.ts';
import type { VolunteersContext } from '../volunteers.context.ts';
import type { VolunteerRow } from '../volunteers.repository.ts';

export async function findApplications(
  ctx: Pick<VolunteersContext, 'repo' | 'timeZone'>,
  params: ListParams,
): Promise<{ rows: VolunteerRow[]; total: number; pageSize: number; nextBefore: Date | null }> {
  const { rows, total } = await ctx.repo.findList(params, ctx.timeZone);
  const pageSize = params.page_size ?? params.limit ?? 25;
  return {
    rows,
    total,
    pageSize,
    nextBefore: params.sort === '-created_at' ? nextBefore(rows, pageSize) : null,
  };
}
