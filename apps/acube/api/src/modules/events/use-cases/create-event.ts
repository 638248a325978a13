// Staff create an event, always as a draft.
import type { Actor, EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';
import type { CreateEventBody } from '../events.schemas.ts';

export async function createEvent(
  ctx: EventsContext,
  input: { fields: CreateEventBody; who: Actor },
): Promise<EventRow> {
  const b = input.fields;
  return ctx.db.transaction(async (tx) => {
    const created = await ctx.repo.insertEvent(
      {
        title: b.title,
        description: b.description,
        location: b.location,
        startsAt: new Date(b.starts_at),
        endsAt: b.ends_at ? new Date(b.ends_at) : null,
        capacity: b.capacity,
        status: 'draft',
      },
      tx,
    );
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'event.created',
      entity: 'event',
      entityId: created.id,
      changes: { status: 'draft', capacity: created.capacity },
    });
    return created;
  });
}
