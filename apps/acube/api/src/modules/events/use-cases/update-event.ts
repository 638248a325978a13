// Staff edit an event that is not cancelled. A raised capacity promotes from the waiting list as
// many people as the new places allow, in the same transaction as the edit, under the event's
// lock (the one registrations take), so no registration slips in between. The event still ends
// after it starts, whichever of the two the edit changes.
import { conflict, notFound } from '@campus/platform/errors';
import type { Actor, EventsContext } from '../events.context.ts';
import type { EventRow, NewEvent, RegistrationRow } from '../events.repository.ts';
import type { UpdateEventBody } from '../events.schemas.ts';
import { checkEventTimes } from './event-times.ts';
import { promoteFromWaitingList } from './promote-from-waiting-list.ts';
import { promotionsOnCapacityChange } from './waiting-list.ts';

const toColumns = (b: UpdateEventBody): Partial<NewEvent> => ({
  ...(b.title !== undefined ? { title: b.title } : {}),
  ...(b.description !== undefined ? { description: b.description } : {}),
  ...(b.location !== undefined ? { location: b.location } : {}),
  ...(b.starts_at !== undefined ? { startsAt: new Date(b.starts_at) } : {}),
  ...(b.ends_at !== undefined ? { endsAt: b.ends_at ? new Date(b.ends_at) : null } : {}),
  ...(b.capacity !== undefined ? { capacity: b.capacity } : {}),
});

export async function updateEvent(
  ctx: EventsContext,
  input: { id: string; changes: UpdateEventBody; who: Actor },
): Promise<{ event: EventRow; promoted: RegistrationRow[] }> {
  const found = await ctx.repo.getEvent(input.id);
  if (!found) throw notFound('Event');
  if (found.status === 'cancelled') throw conflict('A cancelled event cannot be edited');
  const columns = toColumns(input.changes);
  checkEventTimes(
    columns.startsAt ?? found.startsAt,
    columns.endsAt !== undefined ? columns.endsAt : found.endsAt,
  );
  return ctx.db.transaction(async (tx) => {
    const before = (await ctx.repo.lockEvent(found.id, tx)) ?? found;
    const now = ctx.clock.now();
    const event = (await ctx.repo.updateEvent(before.id, { ...columns, updatedAt: now }, tx)) ?? before;
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'event.edited',
      entity: 'event',
      entityId: before.id,
      changes: { fields: Object.keys(input.changes) },
    });
    let promoted: RegistrationRow[] = [];
    if (event.capacity > before.capacity) {
      const confirmed = await ctx.repo.countConfirmed(event.id, tx);
      const places = promotionsOnCapacityChange(before.capacity, event.capacity, confirmed);
      promoted = await promoteFromWaitingList(ctx, { tx, event, places, who: input.who, now });
    }
    return { event, promoted };
  });
}
