// A registrant cancels through their private link; a confirmed place goes to the first one
// waiting, in the same transaction, under the event's lock.
import { hashToken } from '@campus/platform/auth';
import { notFound } from '@campus/platform/errors';
import type { Actor, EventsContext } from '../events.context.ts';
import type { RegistrationRow } from '../events.repository.ts';
import { promoteFromWaitingList } from './promote-from-waiting-list.ts';
import { promotionsOnCancellation } from './waiting-list.ts';

export async function cancelRegistration(
  ctx: EventsContext,
  input: { token: string; who: Actor },
): Promise<{ registration: RegistrationRow; promoted: RegistrationRow[] }> {
  const found = await ctx.repo.getRegistrationByTokenHash(hashToken(input.token));
  if (!found) throw notFound('Registration');
  return ctx.db.transaction(async (tx) => {
    const event = await ctx.repo.lockEvent(found.eventId, tx);
    const current = await ctx.repo.getRegistration(found.id, tx);
    if (!event || !current) throw notFound('Registration');
    if (current.status === 'cancelled') return { registration: current, promoted: [] };
    const now = ctx.clock.now();
    const cancelled = await ctx.repo.cancelRegistration(current.id, now, tx);
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'registration.cancelled',
      entity: 'registration',
      entityId: current.id,
      changes: { status: { from: current.status, to: 'cancelled' } },
    });
    const places = promotionsOnCancellation(current.status);
    const promoted = await promoteFromWaitingList(ctx, { tx, event, places, who: input.who, now });
    return { registration: cancelled ?? current, promoted };
  });
}
