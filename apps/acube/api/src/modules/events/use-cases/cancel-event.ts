// Staff cancel an event: every live registration ends and its holder is mailed, in the same
// transaction as the cancellation.
import { conflict, notFound } from '@campus/platform/errors';
import type { Actor, EventsContext } from '../events.context.ts';
import { eventCancelled } from '../events.mail.ts';
import type { EventRow } from '../events.repository.ts';

export async function cancelEvent(
  ctx: EventsContext,
  input: { id: string; who: Actor },
): Promise<{ event: EventRow; notified: number }> {
  const before = await ctx.repo.getEvent(input.id);
  if (!before) throw notFound('Event');
  if (before.status === 'cancelled') throw conflict('The event is cancelled already');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const after = await ctx.repo.updateEvent(before.id, { status: 'cancelled', updatedAt: now }, tx);
    const live = await ctx.repo.cancelLiveRegistrations(before.id, now, tx);
    for (const r of live) {
      await ctx.mail.send(
        eventCancelled,
        r.email,
        { name: r.name, eventTitle: before.title, startsAt: before.startsAt.toISOString() },
        { tx },
      );
    }
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'event.cancelled',
      entity: 'event',
      entityId: before.id,
      changes: { status: { from: before.status, to: 'cancelled' }, registrations_ended: live.length },
    });
    return { event: after ?? before, notified: live.length };
  });
}
