// Staff list registrations across events (or one event's): filtered, sorted, paged and counted,
// each with its event's title.
import { type ListParams, pageWindow } from '../../listing/index.ts';
import type { EventsContext } from '../events.context.ts';
import type { RegistrationListFilter, RegistrationListRow } from '../events.lists.repository.ts';

export async function findRegistrations(
  ctx: Pick<EventsContext, 'lists' | 'timeZone'>,
  params: RegistrationListFilter & ListParams,
): Promise<{ rows: RegistrationListRow[]; total: number; pageSize: number }> {
  const { rows, total } = await ctx.lists.findRegistrationList(params, ctx.timeZone);
  return { rows, total, pageSize: pageWindow(params).limit };
}
