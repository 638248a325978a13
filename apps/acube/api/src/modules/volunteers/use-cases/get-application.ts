// One volunteer application for staff, or a 404.
import { notFound } from '@campus/platform/errors';
import type { VolunteersContext } from '../volunteers.context.ts';
import type { VolunteerRow } from '../volunteers.repository.ts';

export async function getApplication(
  ctx: Pick<VolunteersContext, 'repo'>,
  input: { id: string },
): Promise<VolunteerRow> {
  const row = await ctx.repo.getById(input.id);
  if (!row) throw notFound('Volunteer application');
  return row;
}
