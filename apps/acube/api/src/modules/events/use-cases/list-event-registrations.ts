// Staff see an event's registrations: confirmed, then the waiting list in order.
import { notFound } from '@campus/platform/errors';
import type { EventsContext } from '../events.context.ts';
import type { RegistrationRow } from '../events.repository.ts';

export async function listEventRegistrations(
  ctx: EventsContext,
  input: { eventId: string },
): Promise<RegistrationRow[]> {
  if (!(await ctx.repo.getEvent(input.eventId))) throw notFound('Event');
  return ctx.repo.listRegistrations(input.eventId);
}
