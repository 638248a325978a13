// Contact messages in the database. No HTTP, no access rules.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import { type contactStatuses, contactMessages as t } from '../../db/schema/submissions.ts';

export type ContactRow = typeof t.$inferSelect;
export type NewContactMessage = typeof t.$inferInsert;
export type ContactStatus = (typeof contactStatuses)[number];

export interface ContactFilter {
  status?: ContactStatus;
  before?: Date;
  limit: number;
}

export function createContactRepository(db: () => Db) {
  return {
    async getById(id: string, tx: Db | Tx = db()): Promise<ContactRow | undefined> {
      const [row] = await tx.select().from(t).where(eq(t.id, id));
      return row;
    },
    /** The same message made after `since`, if any. */
    async getRecentByDedupeKey(
      key: string,
      since: Date,
      tx: Db | Tx = db(),
    ): Promise<ContactRow | undefined> {
      const [row] = await tx
        .select()
        .from(t)
        .where(and(eq(t.dedupeKey, key), gt(t.createdAt, since)))
        .limit(1);
      return row;
    },
    /** Newest first, keyset-paged on created_at. */
    async findPage(filter: ContactFilter, tx: Db | Tx = db()): Promise<ContactRow[]> {
      const where: SQL[] = [];
      if (filter.status) where.push(eq(t.status, filter.status));
      if (filter.before) where.push(lt(t.createdAt, filter.before));
      return tx
        .select()
        .from(t)
        .where(and(...where))
        .orderBy(desc(t.createdAt))
        .limit(filter.limit);
    },
    async insert(values: NewContactMessage, tx: Db | Tx = db()): Promise<ContactRow> {
      const [row] = await tx.insert(t).values(values).returning();
      if (!row) throw new Error('contact message insert returned nothing');
      return row;
    },
    async setStatus(id: string, status: ContactStatus, at: Date, tx: Db | Tx = db()) {
      const [row] = await tx.update(t).set({ status, updatedAt: at }).where(eq(t.id, id)).returning();
      return row;
    },
    /** Many at once (a bulk operation): the ids changed. */
    async setStatuses(ids: string[], status: ContactStatus, at: Date, tx: Db | Tx = db()): Promise<string[]> {
      const rows = await tx
        .update(t)
        .set({ status, updatedAt: at })
        .where(inArray(t.id, ids))
        .returning({ id: t.id });
      return rows.map((r) => r.id);
    },
    /** Many at once (a bulk operation): the ids deleted. */
    async deleteByIds(ids: string[], tx: Db | Tx = db()): Promise<string[]> {
      const rows = await tx.delete(t).where(inArray(t.id, ids)).returning({ id: t.id });
      return rows.map((r) => r.id);
    },
    /** Every message in creation order, a page after `after` (keyset on created_at, id). */
    async findAfter(
      after: { createdAt: Date; id: string } | undefined,
      limit: number,
      tx: Db | Tx = db(),
    ): Promise<ContactRow[]> {
      return tx
        .select()
        .from(t)
        .where(
          after
            ? or(gt(t.createdAt, after.createdAt), and(eq(t.createdAt, after.createdAt), gt(t.id, after.id)))
            : undefined,
        )
        .orderBy(asc(t.createdAt), asc(t.id))
        .limit(limit);
    },
  };
}

export type ContactRepository = ReturnType<typeof createContactRepository>;
