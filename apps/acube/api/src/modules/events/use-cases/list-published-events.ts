// The public list: published events that have not started, soonest first.
import type { EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';

export function listPublishedEvents(ctx: EventsContext, input: { limit: number }): Promise<EventRow[]> {
  return ctx.repo.listUpcomingPublished(ctx.clock.now(), input.limit);
}
