// Staff list events of any status: filtered, sorted (latest start first unless asked), paged and
// counted, each with its places taken and its waiting list's length (one query for the page).
import { type ListParams, pageWindow } from '../../listing/index.ts';
import type { EventsContext } from '../events.context.ts';
import type { EventRow } from '../events.repository.ts';
import type { PlaceCounts } from './waiting-list.ts';

export async function findEvents(
  ctx: Pick<EventsContext, 'repo' | 'lists' | 'timeZone'>,
  params: ListParams,
): Promise<{ rows: { event: EventRow; places: PlaceCounts }[]; total: number; pageSize: number }> {
  const { rows, total } = await ctx.lists.findEventList(params, ctx.timeZone);
  const places = await ctx.repo.countPlaces(rows.map((r) => r.id));
  return {
    rows: rows.map((event) => ({ event, places: places.get(event.id) ?? { confirmed: 0, waiting: 0 } })),
    total,
    pageSize: pageWindow(params).limit,
  };
}
