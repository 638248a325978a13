// Bookings in the database.
import type { Db, Tx } from '@campus/platform/db/database.ts';
import { and, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import { type BookingStatus, bookings } from '../../db/schema/bookings.ts';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

export function createBookingsRepository(db: () => Db) {
  return {
    async insert(tx: Tx | Db, values: NewBooking): Promise<BookingRow> {
      const [row] = await tx.insert(bookings).values(values).returning();
      if (!row) throw new Error('booking insert returned nothing');
      return row;
    },
    async recentDuplicate(dedupeKey: string, since: Date): Promise<BookingRow | undefined> {
      const [row] = await db()
        .select()
        .from(bookings)
        .where(and(eq(bookings.dedupeKey, dedupeKey), gt(bookings.createdAt, since)))
        .limit(1);
      return row;
    },
    async findByTokenHash(hash: string): Promise<BookingRow | undefined> {
      const [row] = await db().select().from(bookings).where(eq(bookings.manageTokenHash, hash));
      return row;
    },
    async findById(id: string): Promise<BookingRow | undefined> {
      const [row] = await db().select().from(bookings).where(eq(bookings.id, id));
      return row;
    },
    async list(filter: { status?: BookingStatus; before?: Date; limit: number }): Promise<BookingRow[]> {
      const where: SQL[] = [];
      if (filter.status) where.push(eq(bookings.status, filter.status));
      if (filter.before) where.push(lt(bookings.createdAt, filter.before));
      return db()
        .select()
        .from(bookings)
        .where(and(...where))
        .orderBy(desc(bookings.createdAt))
        .limit(filter.limit);
    },
    async setStatus(tx: Tx, id: string, status: BookingStatus, at: Date): Promise<BookingRow | undefined> {
      const [row] = await tx
        .update(bookings)
        .set({ status, updatedAt: at })
        .where(eq(bookings.id, id))
        .returning();
      return row;
    },
  };
}
