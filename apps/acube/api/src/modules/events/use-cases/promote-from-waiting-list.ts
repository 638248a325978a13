// Promotion from the waiting list, in the caller's transaction (which holds the event's lock):
// the first `places` people waiting, in order, each get a place, an audit entry and a mail.
// Called when a confirmed place is cancelled and when the capacity is raised. The link the
// person already has keeps working: tokens are stored only as hashes, so the promotion mail
// cannot repeat the first one; it brings a second link (its hash stored beside the first) and
// says the first still works.
import { hashToken, newToken } from '@campus/platform/auth';
import type { Tx } from '@campus/platform/db';
import type { Actor, EventsContext } from '../events.context.ts';
import { registrationPromoted } from '../events.mail.ts';
import type { EventRow, RegistrationRow } from '../events.repository.ts';

export async function promoteFromWaitingList(
  ctx: Pick<EventsContext, 'repo' | 'audit' | 'mail' | 'link'>,
  input: { tx: Tx; event: EventRow; places: number; who: Actor; now: Date },
): Promise<RegistrationRow[]> {
  const { tx, event, who, now } = input;
  if (input.places <= 0) return [];
  const promoted: RegistrationRow[] = [];
  for (const next of await ctx.repo.listWaiting(event.id, input.places, tx)) {
    const token = newToken();
    const row = await ctx.repo.confirmRegistration(next.id, hashToken(token), now, tx);
    if (!row) continue;
    promoted.push(row);
    await ctx.audit.record(tx, {
      ...who,
      action: 'registration.promoted',
      entity: 'registration',
      entityId: next.id,
      changes: { status: { from: 'waiting', to: 'confirmed' }, position: next.position },
    });
    await ctx.mail.send(
      registrationPromoted,
      next.email,
      {
        name: next.name,
        eventTitle: event.title,
        startsAt: event.startsAt.toISOString(),
        link: ctx.link(token),
      },
      { tx },
    );
  }
  return promoted;
}
