// Bookings in the database. No HTTP, no access rules: the use cases decide.
import type { Db, Tx } from '@campus/platform/db/database.ts';
import { and, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import { type BookingStatus, bookings } from '../../db/schema/bookings.ts';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

export interface BookingFilter {
  status?: BookingStatus;
  before?: Date;
  limit: number;
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
  };
}

export type BookingsRepository = ReturnType<typeof createBookingsRepository>;
