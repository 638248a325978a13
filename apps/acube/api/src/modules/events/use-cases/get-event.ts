// One event of any status for staff, or a 404.
import { notFound } from '@campus/platform/errors';
import type { EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';

export async function getEvent(ctx: Pick<EventsContext, 'repo'>, input: { id: string }): Promise<EventRow> {
  const row = await ctx.repo.getEvent(input.id);
  if (!row) throw notFound('Event');
  return row;
}
