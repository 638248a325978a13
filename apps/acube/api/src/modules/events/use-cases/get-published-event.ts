// One event as the public sees it, with its places counted: a draft or cancelled event does not
// exist for them.
import { notFound } from '@campus/platform/errors';
import type { EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';
import type { PlaceCounts } from './waiting-list.ts';

export async function getPublishedEvent(
  ctx: EventsContext,
  input: { id: string },
): Promise<{ event: EventRow; counts: PlaceCounts }> {
  const event = await ctx.repo.getPublishedEvent(input.id);
  if (!event) throw notFound('Event');
  const counts = (await ctx.repo.countPlaces([event.id])).get(event.id) ?? { confirmed: 0, waiting: 0 };
  return { event, counts };
}
