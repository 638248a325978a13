// The staff lists of the events aggregate: every event, and registrations across events (each
// with its event's title), filtered, sorted, paged and counted the way every admin list is (the
// listing module's conditions), and read in batches in that order for a filtered export.
// Queries only, like events.repository.ts; split from it to keep each file one concern.
import type { Db, Tx } from '@campus/platform/db';
import { and, count, eq, getTableColumns } from 'drizzle-orm';
import { events } from '../../db/schema/events.ts';
import { registrations } from '../../db/schema/registrations.ts';
import {
  type ListColumns,
  type ListCursor,
  type ListFilter,
  type ListParams,
  listAfter,
  listOrder,
  listWhere,
  pageWindow,
} from '../listing/index.ts';
import type { EventRow, RegistrationRow } from './events.repository.ts';

export const EVENT_LIST: ListColumns = {
  id: events.id,
  createdAt: events.createdAt,
  status: events.status,
  text: [events.title, events.location],
  sortable: {
    starts_at: { column: events.startsAt, key: 'startsAt' },
    created_at: { column: events.createdAt, key: 'createdAt' },
    updated_at: { column: events.updatedAt, key: 'updatedAt' },
    title: { column: events.title, key: 'title' },
    location: { column: events.location, key: 'location' },
    status: { column: events.status, key: 'status' },
    capacity: { column: events.capacity, key: 'capacity' },
  },
};
export const EVENT_SORTABLE = Object.keys(EVENT_LIST.sortable);

export const REGISTRATION_LIST: ListColumns = {
  id: registrations.id,
  createdAt: registrations.createdAt,
  status: registrations.status,
  text: [registrations.name, registrations.email, events.title],
  sortable: {
    created_at: { column: registrations.createdAt, key: 'createdAt' },
    updated_at: { column: registrations.updatedAt, key: 'updatedAt' },
    name: { column: registrations.name, key: 'name' },
    email: { column: registrations.email, key: 'email' },
    status: { column: registrations.status, key: 'status' },
    event_title: { column: events.title, key: 'eventTitle' },
  },
};
export const REGISTRATION_SORTABLE = Object.keys(REGISTRATION_LIST.sortable);

export interface RegistrationListFilter extends ListFilter {
  event_id?: string;
}

/** A registration with its event's title. */
export type RegistrationListRow = RegistrationRow & { eventTitle: string };

const withTitle = { ...getTableColumns(registrations), eventTitle: events.title };
const ofEvents = (filter: RegistrationListFilter & { before?: string }, timeZone: string) =>
  listWhere(REGISTRATION_LIST, filter, timeZone, [
    filter.event_id ? eq(registrations.eventId, filter.event_id) : undefined,
  ]);

export function createEventListsRepository(db: Db) {
  return {
    async findEventList(
      params: ListParams,
      timeZone: string,
      tx: Db | Tx = db,
    ): Promise<{ rows: EventRow[]; total: number }> {
      const where = listWhere(EVENT_LIST, params, timeZone);
      const { limit, offset } = pageWindow(params);
      const rows = await tx
        .select()
        .from(events)
        .where(where)
        .orderBy(...listOrder(EVENT_LIST, params.sort))
        .limit(limit)
        .offset(offset);
      return { rows, total: await tx.$count(events, where) };
    },
    async findEventsMatchingAfter(
      query: ListFilter & { sort: string },
      timeZone: string,
      after: ListCursor | undefined,
      limit: number,
      tx: Db | Tx = db,
    ): Promise<EventRow[]> {
      return tx
        .select()
        .from(events)
        .where(and(listWhere(EVENT_LIST, query, timeZone), listAfter(EVENT_LIST, query.sort, after)))
        .orderBy(...listOrder(EVENT_LIST, query.sort))
        .limit(limit);
    },
    async findRegistrationList(
      params: RegistrationListFilter & ListParams,
      timeZone: string,
      tx: Db | Tx = db,
    ): Promise<{ rows: RegistrationListRow[]; total: number }> {
      const where = ofEvents(params, timeZone);
      const { limit, offset } = pageWindow(params);
      const rows = await tx
        .select(withTitle)
        .from(registrations)
        .innerJoin(events, eq(events.id, registrations.eventId))
        .where(where)
        .orderBy(...listOrder(REGISTRATION_LIST, params.sort))
        .limit(limit)
        .offset(offset);
      const [{ total = 0 } = {}] = await tx
        .select({ total: count() })
        .from(registrations)
        .innerJoin(events, eq(events.id, registrations.eventId))
        .where(where);
      return { rows, total };
    },
    async findRegistrationsMatchingAfter(
      query: RegistrationListFilter & { sort: string },
      timeZone: string,
      after: ListCursor | undefined,
      limit: number,
      tx: Db | Tx = db,
    ): Promise<RegistrationListRow[]> {
      return tx
        .select(withTitle)
        .from(registrations)
        .innerJoin(events, eq(events.id, registrations.eventId))
        .where(and(ofEvents(query, timeZone), listAfter(REGISTRATION_LIST, query.sort, after)))
        .orderBy(...listOrder(REGISTRATION_LIST, query.sort))
        .limit(limit);
    },
  };
}

export type EventListsRepository = ReturnType<typeof createEventListsRepository>;
