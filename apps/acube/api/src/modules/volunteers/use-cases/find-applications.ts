// Staff read volunteer applications, newest first, a page at a time.
import { nextBefore } from '../../submissions/index.ts';
import type { VolunteersContext } from '../volunteers.context.ts';
import type { VolunteerFilter, VolunteerRow } from '../volunteers.repository.ts';

export async function findApplications(
  ctx: Pick<VolunteersContext, 'repo'>,
  filter: VolunteerFilter,
): Promise<{ rows: VolunteerRow[]; nextBefore: Date | null }> {
  const rows = await ctx.repo.findPage(filter);
  return { rows, nextBefore: nextBefore(rows, filter.limit) };
}
