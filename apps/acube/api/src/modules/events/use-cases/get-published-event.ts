// One event as the public sees it: a draft or cancelled event does not exist for them.
import { notFound } from '@campus/platform/errors.ts';
import type { EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';

export async function getPublishedEvent(ctx: EventsContext, input: { id: string }): Promise<EventRow> {
  const row = await ctx.repo.getPublishedEvent(input.id);
  if (!row) throw notFound('Event');
  return row;
}
