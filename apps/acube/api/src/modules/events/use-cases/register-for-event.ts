// Registration for a published event that has not started: a place while there is one, else
// the waiting list. The event's row is locked for the short transaction, so places are counted
// exactly and waiting-list positions never repeat or skip, on PostgreSQL as on PGlite. The same
// address twice gets its live registration back (created: false) and no second mail. The
// position people are told is their place in the queue now (see queuePlace). The mail counts
// against the public forms' daily cap on one address (the registration stands either way).
import { hashToken, newToken } from '@campus/platform/auth';
import { conflict, notFound } from '@campus/platform/errors';
import type { PublicFormMail } from '../../abuse/index.ts';
import type { Actor, EventsContext } from '../events.context.ts';
import { registrationReceived } from '../events.mail.ts';
import type { RegistrationRow } from '../events.repository.ts';
import { decidePlace, queuePlace } from './waiting-list.ts';

export async function registerForEvent(
  ctx: EventsContext & PublicFormMail,
  input: { eventId: string; name: string; email: string; who: Pick<Actor, 'ip' | 'requestId'> },
): Promise<{ registration: RegistrationRow; created: boolean; position: number | null }> {
  const email = input.email.trim().toLowerCase();
  const token = newToken();
  return ctx.db.transaction(async (tx) => {
    const event = await ctx.repo.lockEvent(input.eventId, tx);
    if (event?.status !== 'published') throw notFound('Event');
    if (event.startsAt.getTime() < ctx.clock.nowMs()) throw conflict('This event has already started');
    const placeOf = async (r: RegistrationRow) =>
      r.status === 'waiting' && r.position !== null
        ? queuePlace(await ctx.repo.countWaitingAhead(event.id, r.position, tx))
        : null;
    const existing = await ctx.repo.getLiveRegistration(event.id, email, tx);
    if (existing) return { registration: existing, created: false, position: await placeOf(existing) };

    const confirmed = await ctx.repo.countConfirmed(event.id, tx);
    const end =
      confirmed >= event.capacity
        ? await ctx.repo.waitingListEnd(event.id, tx)
        : { lastPosition: 0, waiting: 0 };
    const { status, position: stored } = decidePlace(event.capacity, confirmed, end.lastPosition);
    const now = ctx.clock.now();
    const row = await ctx.repo.insertRegistration(
      {
        eventId: event.id,
        name: input.name.trim(),
        email,
        status,
        position: stored,
        manageTokenHash: hashToken(token),
        createdAt: now,
        updatedAt: now,
      },
      tx,
    );
    // A new place on the list is its last: everyone waiting is ahead (no extra query under the lock).
    const position = status === 'waiting' ? queuePlace(end.waiting) : null;
    await ctx.audit.record(tx, {
      ...input.who,
      actorId: null,
      action: 'registration.created',
      entity: 'registration',
      entityId: row.id,
      changes: { status, position: stored },
    });
    const about = { entity: 'registration', id: row.id, template: registrationReceived.name };
    if (await ctx.mailCap.allow(email, about, ctx.log, tx)) {
      await ctx.mail.send(
        registrationReceived,
        email,
        {
          name: row.name,
          eventTitle: event.title,
          startsAt: event.startsAt.toISOString(),
          status,
          position,
          link: ctx.link(token),
        },
        { tx },
      );
    }
    return { registration: row, created: true, position };
  });
}
