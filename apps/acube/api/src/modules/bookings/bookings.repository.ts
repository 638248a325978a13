// Bookings in the database. No HTTP, no access rules: the use cases decide.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import { type BookingStatus, bookings } from '../../db/schema/bookings.ts';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

export interface BookingFilter {
  status?: BookingStatus;
  before?: Date;
  limit: number;
}

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
    /** Newest first, keyset-paged on created_at. */
    async findPage(filter: BookingFilter, tx: Db | Tx = db()): Promise<BookingRow[]> {
      const where: SQL[] = [];
      if (filter.status) where.push(eq(bookings.status, filter.status));
      if (filter.before) where.push(lt(bookings.createdAt, filter.before));
      return tx
        .select()
        .from(bookings)
        .where(and(...where))
        .orderBy(desc(bookings.createdAt))
        .limit(filter.limit);
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
