// Staff create an event, always as a draft; it ends (if it says when) after it starts.
import type { Actor, EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';
import type { CreateEventBody } from '../events.schemas.ts';
import { checkEventTimes } from './event-times.ts';

export async function createEvent(
  ctx: EventsContext,
  input: { fields: CreateEventBody; who: Actor },
): Promise<EventRow> {
  const b = input.fields;
  checkEventTimes(new Date(b.starts_at), b.ends_at ? new Date(b.ends_at) : null);
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
