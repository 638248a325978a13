// Bookings in the database. No HTTP, no access rules: the use cases decide.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, eq, getTableColumns, gt, inArray, or, sql } from 'drizzle-orm';
import { type BookingStatus, bookings, type sessionTypes } from '../../db/schema/bookings.ts';
import {
  type ListColumns,
  type ListCursor,
  type ListFilter,
  listAfter,
  listOrder,
  listWhere,
  pageWindow,
} from '../listing/index.ts';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

/** The admin list's filter: the shared one and the session type. */
export interface BookingListFilter extends ListFilter {
  session_type?: (typeof sessionTypes)[number];
}
export interface BookingListParams extends BookingListFilter {
  sort: string;
  page: number;
  page_size?: number;
  limit?: number;
  before?: string;
}

/** A booking in the admin list: everything but the message, which only the detail shows. */
export type BookingListRow = Omit<BookingRow, 'message'> & { hasMessage: boolean };

export const BOOKING_LIST: ListColumns = {
  id: bookings.id,
  createdAt: bookings.createdAt,
  status: bookings.status,
  text: [bookings.name, bookings.email, bookings.reference],
  sortable: {
    created_at: { column: bookings.createdAt, key: 'createdAt' },
    updated_at: { column: bookings.updatedAt, key: 'updatedAt' },
    reference: { column: bookings.reference, key: 'reference' },
    name: { column: bookings.name, key: 'name' },
    email: { column: bookings.email, key: 'email' },
    status: { column: bookings.status, key: 'status' },
    session_type: { column: bookings.sessionType, key: 'sessionType' },
    preferred_date: { column: bookings.preferredDate, key: 'preferredDate' },
  },
};
export const BOOKING_SORTABLE = Object.keys(BOOKING_LIST.sortable);

const matching = (filter: BookingListFilter & { before?: string }, timeZone: string) =>
  listWhere(BOOKING_LIST, filter, timeZone, [
    filter.session_type ? eq(bookings.sessionType, filter.session_type) : undefined,
  ]);

const { message: _message, ...listed } = getTableColumns(bookings);
const listColumns = { ...listed, hasMessage: sql<boolean>`(${bookings.message} <> '')` };

/** Where a page in creation order starts: after this row. */
export interface CreationCursor {
  createdAt: Date;
  id: string;
}

export function createBookingsRepository(db: () => Db) {
  return {
    async getById(id: string, tx: Db | Tx = db()): Promise<BookingRow | undefined> {
      const [row] = await tx.select().from(bookings).where(eq(bookings.id, id));
      return row;
    },
    /** The booking a private link's token opens. */
    async getByTokenHash(hash: string, tx: Db | Tx = db()): Promise<BookingRow | undefined> {
      const [row] = await tx.select().from(bookings).where(eq(bookings.manageTokenHash, hash));
      return row;
    },
    /** The same request made after `since`, if any. */
    async getRecentByDedupeKey(
      key: string,
      since: Date,
      tx: Db | Tx = db(),
    ): Promise<BookingRow | undefined> {
      const [row] = await tx
        .select()
        .from(bookings)
        .where(and(eq(bookings.dedupeKey, key), gt(bookings.createdAt, since)))
        .limit(1);
      return row;
    },
    /** The admin list's page, without messages, and how many match in all. */
    async findList(
      params: BookingListParams,
      timeZone: string,
      tx: Db | Tx = db(),
    ): Promise<{ rows: BookingListRow[]; total: number }> {
      const where = matching(params, timeZone);
      const { limit, offset } = pageWindow(params);
      const rows = await tx
        .select(listColumns)
        .from(bookings)
        .where(where)
        .orderBy(...listOrder(BOOKING_LIST, params.sort))
        .limit(limit)
        .offset(offset);
      return { rows, total: await tx.$count(bookings, where) };
    },
    async countMatching(filter: BookingListFilter, timeZone: string, tx: Db | Tx = db()): Promise<number> {
      return tx.$count(bookings, matching(filter, timeZone));
    },
    /** The ids the filter matches, oldest first, at most `max`. */
    async idsMatching(
      filter: BookingListFilter,
      timeZone: string,
      max: number,
      tx: Db | Tx = db(),
    ): Promise<string[]> {
      const rows = await tx
        .select({ id: bookings.id })
        .from(bookings)
        .where(matching(filter, timeZone))
        .orderBy(asc(bookings.createdAt), asc(bookings.id))
        .limit(max);
      return rows.map((r) => r.id);
    },
    /** The filter's rows in the sort's order, a batch after `after`: what a filtered export reads. */
    async findMatchingAfter(
      query: BookingListFilter & { sort: string },
      timeZone: string,
      after: ListCursor | undefined,
      limit: number,
      tx: Db | Tx = db(),
    ): Promise<BookingRow[]> {
      return tx
        .select()
        .from(bookings)
        .where(and(matching(query, timeZone), listAfter(BOOKING_LIST, query.sort, after)))
        .orderBy(...listOrder(BOOKING_LIST, query.sort))
        .limit(limit);
    },
    async insert(values: NewBooking, tx: Db | Tx = db()): Promise<BookingRow> {
      const [row] = await tx.insert(bookings).values(values).returning();
      if (!row) throw new Error('booking insert returned nothing');
      return row;
    },
    async setStatus(
      id: string,
      status: BookingStatus,
      at: Date,
      tx: Db | Tx = db(),
    ): Promise<BookingRow | undefined> {
      const [row] = await tx
        .update(bookings)
        .set({ status, updatedAt: at })
        .where(eq(bookings.id, id))
        .returning();
      return row;
    },
    /** Many at once (a bulk operation): the ids changed. */
    async setStatuses(ids: string[], status: BookingStatus, at: Date, tx: Db | Tx = db()): Promise<string[]> {
      const rows = await tx
        .update(bookings)
        .set({ status, updatedAt: at })
        .where(inArray(bookings.id, ids))
        .returning({ id: bookings.id });
      return rows.map((r) => r.id);
    },
    /** Many at once (a bulk operation): the ids deleted. */
    async deleteByIds(ids: string[], tx: Db | Tx = db()): Promise<string[]> {
      const rows = await tx.delete(bookings).where(inArray(bookings.id, ids)).returning({ id: bookings.id });
      return rows.map((r) => r.id);
    },
    /** Every booking in creation order, a page after `after` (keyset on created_at, id). */
    async findAfter(
      after: CreationCursor | undefined,
      limit: number,
      tx: Db | Tx = db(),
    ): Promise<BookingRow[]> {
      return tx
        .select()
        .from(bookings)
        .where(
          after
            ? or(
                gt(bookings.createdAt, after.createdAt),
                and(eq(bookings.createdAt, after.createdAt), gt(bookings.id, after.id)),
              )
            : undefined,
        )
        .orderBy(asc(bookings.createdAt), asc(bookings.id))
        .limit(limit);
    },
  };
}

export type BookingsRepository = ReturnType<typeof createBookingsRepository>;
