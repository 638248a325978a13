// Volunteer applications in the database. No HTTP, no access rules.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import { volunteerApplications as t, type volunteerStatuses } from '../../db/schema/submissions.ts';

export type VolunteerRow = typeof t.$inferSelect;
export type NewVolunteer = typeof t.$inferInsert;
export type VolunteerStatus = (typeof volunteerStatuses)[number];

export interface VolunteerFilter {
  status?: VolunteerStatus;
  before?: Date;
  limit: number;
}

export function createVolunteersRepository(db: () => Db) {
  return {
    async getById(id: string, tx: Db | Tx = db()): Promise<VolunteerRow | undefined> {
      const [row] = await tx.select().from(t).where(eq(t.id, id));
      return row;
    },
    /** The same application made after `since`, if any. */
    async getRecentByDedupeKey(
      key: string,
      since: Date,
      tx: Db | Tx = db(),
    ): Promise<VolunteerRow | undefined> {
      const [row] = await tx
        .select()
        .from(t)
        .where(and(eq(t.dedupeKey, key), gt(t.createdAt, since)))
        .limit(1);
      return row;
    },
    /** Newest first, keyset-paged on created_at. */
    async findPage(filter: VolunteerFilter, tx: Db | Tx = db()): Promise<VolunteerRow[]> {
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
    async insert(values: NewVolunteer, tx: Db | Tx = db()): Promise<VolunteerRow> {
      const [row] = await tx.insert(t).values(values).returning();
      if (!row) throw new Error('volunteer application insert returned nothing');
      return row;
    },
    async setStatus(id: string, status: VolunteerStatus, at: Date, tx: Db | Tx = db()) {
      const [row] = await tx.update(t).set({ status, updatedAt: at }).where(eq(t.id, id)).returning();
      return row;
    },
    /** Many at once (a bulk operation): the ids changed. */
    async setStatuses(
      ids: string[],
      status: VolunteerStatus,
      at: Date,
      tx: Db | Tx = db(),
    ): Promise<string[]> {
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
    /** Every application in creation order, a page after `after` (keyset on created_at, id). */
    async findAfter(
      after: { createdAt: Date; id: string } | undefined,
      limit: number,
      tx: Db | Tx = db(),
    ): Promise<VolunteerRow[]> {
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

export type VolunteersRepository = ReturnType<typeof createVolunteersRepository>;
