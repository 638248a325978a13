// The public list: published events that have not started, soonest first, each with its places
// counted (confirmed and waiting) in one query for the page.
import type { EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';
import type { PlaceCounts } from './waiting-list.ts';

export async function listPublishedEvents(
  ctx: EventsContext,
  input: { limit: number },
): Promise<{ event: EventRow; counts: PlaceCounts }[]> {
  const rows = await ctx.repo.listUpcomingPublished(ctx.clock.now(), input.limit);
  const counts = await ctx.repo.countPlaces(rows.map((r) => r.id));
  return rows.map((event) => ({ event, counts: counts.get(event.id) ?? { confirmed: 0, waiting: 0 } }));
}
