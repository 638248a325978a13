// A registration as its holder sees it through the private link: the event (with its places),
// their state and, while they wait, their place in the queue now. The same token opens it
// before and after a promotion; a wrong token is a plain 404.
import { hashToken } from '@campus/platform/auth';
import { notFound } from '@campus/platform/errors';
import type { EventsContext } from '../events.context.ts';
import type { EventRow, RegistrationRow } from '../events.repository.ts';
import { type PlaceCounts, queuePlace } from './waiting-list.ts';

export async function getOwnRegistration(
  ctx: EventsContext,
  input: { token: string },
): Promise<{ registration: RegistrationRow; event: EventRow; counts: PlaceCounts; position: number | null }> {
  const registration = await ctx.repo.getRegistrationByTokenHash(hashToken(input.token));
  if (!registration) throw notFound('Registration');
  const event = await ctx.repo.getEvent(registration.eventId);
  if (!event) throw notFound('Registration');
  const counts = (await ctx.repo.countPlaces([event.id])).get(event.id) ?? { confirmed: 0, waiting: 0 };
  const position =
    registration.status === 'waiting' && registration.position !== null
      ? queuePlace(await ctx.repo.countWaitingAhead(event.id, registration.position))
      : null;
  return { registration, event, counts, position };
}
