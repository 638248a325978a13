// Staff publish a draft: from then on it is public and open for registration.
import { conflict, notFound } from '@campus/platform/errors';
import type { Actor, EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';

export async function publishEvent(ctx: EventsContext, input: { id: string; who: Actor }): Promise<EventRow> {
  const before = await ctx.repo.getEvent(input.id);
  if (!before) throw notFound('Event');
  if (before.status !== 'draft') throw conflict(`A ${before.status} event cannot be published`);
  return ctx.db.transaction(async (tx) => {
    const after = await ctx.repo.updateEvent(
      before.id,
      { status: 'published', updatedAt: ctx.clock.now() },
      tx,
    );
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'event.published',
      entity: 'event',
      entityId: before.id,
      changes: { status: { from: 'draft', to: 'published' } },
    });
    return after ?? before;
  });
}
