// Staff list events of any status, newest first, optionally of one status.
import type { EventsContext } from '../events.context.ts';
import type { EventRow, EventStatus } from '../events.repository.ts';

export function findEvents(
  ctx: EventsContext,
  input: { status?: EventStatus | undefined; limit: number },
): Promise<EventRow[]> {
  return ctx.repo.findEvents(
    input.status ? { status: input.status, limit: input.limit } : { limit: input.limit },
  );
}
