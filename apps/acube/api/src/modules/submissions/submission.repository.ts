// The queries volunteer applications and contact messages share: the two tables have the same
// shape (reference, name, email, status, dedupe key, times), so each module's repository is this
// factory given its own table and the columns its admin list searches and sorts. The tables stay
// their modules' own: nothing here names one, each is handed in.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import type { contactMessages, volunteerApplications } from '../../db/schema/submissions.ts';
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

/** A table of public submissions. */
export type SubmissionTable = typeof volunteerApplications | typeof contactMessages;

export function createSubmissionRepository<T extends SubmissionTable>(
  db: () => Db,
  table: T,
  list: ListColumns,
  what: string,
) {
  type Row = T['$inferSelect'];
  type Status = Row['status'];
  // Both tables have these columns by the same names; queries are built on one of them and
  // answer the rows of the table given.
  const t = table as typeof volunteerApplications;
  const rows = <R>(found: unknown) => found as R[];
  const matching = (filter: ListFilter & { before?: string }, timeZone: string) =>
    listWhere(list, filter, timeZone);

  return {
    async getById(id: string, tx: Db | Tx = db()): Promise<Row | undefined> {
      const [row] = rows<Row>(await tx.select().from(t).where(eq(t.id, id)));
      return row;
    },
    /** The same submission made after `since`, if any. */
    async getRecentByDedupeKey(key: string, since: Date, tx: Db | Tx = db()): Promise<Row | undefined> {
      const found = await tx
        .select()
        .from(t)
        .where(and(eq(t.dedupeKey, key), gt(t.createdAt, since)))
        .limit(1);
      return rows<Row>(found)[0];
    },
    /** The admin list's page and how many match in all. */
    async findList(
      params: ListParams,
      timeZone: string,
      tx: Db | Tx = db(),
    ): Promise<{ rows: Row[]; total: number }> {
      const where = matching(params, timeZone);
      const { limit, offset } = pageWindow(params);
      const found = await tx
        .select()
        .from(t)
        .where(where)
        .orderBy(...listOrder(list, params.sort))
        .limit(limit)
        .offset(offset);
      return { rows: rows<Row>(found), total: await tx.$count(t, where) };
    },
    async countMatching(filter: ListFilter, timeZone: string, tx: Db | Tx = db()): Promise<number> {
      return tx.$count(t, matching(filter, timeZone));
    },
    /** The ids the filter matches, oldest first, at most `max`. */
    async idsMatching(
      filter: ListFilter,
      timeZone: string,
      max: number,
      tx: Db | Tx = db(),
    ): Promise<string[]> {
      const found = await tx
        .select({ id: t.id })
        .from(t)
        .where(matching(filter, timeZone))
        .orderBy(asc(t.createdAt), asc(t.id))
        .limit(max);
      return found.map((r) => r.id);
    },
    /** The filter's rows in the sort's order, a batch after `after`: what a filtered export reads. */
    async findMatchingAfter(
      query: ListFilter & { sort: string },
      timeZone: string,
      after: ListCursor | undefined,
      limit: number,
      tx: Db | Tx = db(),
    ): Promise<Row[]> {
      const found = await tx
        .select()
        .from(t)
        .where(and(matching(query, timeZone), listAfter(list, query.sort, after)))
        .orderBy(...listOrder(list, query.sort))
        .limit(limit);
      return rows<Row>(found);
    },
    async insert(values: T['$inferInsert'], tx: Db | Tx = db()): Promise<Row> {
      const [row] = rows<Row>(
        await tx
          .insert(t)
          .values(values as typeof volunteerApplications.$inferInsert)
          .returning(),
      );
      if (!row) throw new Error(`${what} insert returned nothing`);
      return row;
    },
    async setStatus(id: string, status: Status, at: Date, tx: Db | Tx = db()): Promise<Row | undefined> {
      const [row] = rows<Row>(
        await tx
          .update(t)
          .set({ status: status as typeof t.$inferSelect.status, updatedAt: at })
          .where(eq(t.id, id))
          .returning(),
      );
      return row;
    },
    /** Many at once (a bulk operation): the ids changed. */
    async setStatuses(ids: string[], status: Status, at: Date, tx: Db | Tx = db()): Promise<string[]> {
      const changed = await tx
        .update(t)
        .set({ status: status as typeof t.$inferSelect.status, updatedAt: at })
        .where(inArray(t.id, ids))
        .returning({ id: t.id });
      return changed.map((r) => r.id);
    },
    /** Many at once (a bulk operation): the ids deleted. */
    async deleteByIds(ids: string[], tx: Db | Tx = db()): Promise<string[]> {
      const deleted = await tx.delete(t).where(inArray(t.id, ids)).returning({ id: t.id });
      return deleted.map((r) => r.id);
    },
    /** Every row in creation order, a page after `after` (keyset on created_at, id). */
    async findAfter(
      after: { createdAt: Date; id: string } | undefined,
      limit: number,
      tx: Db | Tx = db(),
    ): Promise<Row[]> {
      const found = await tx
        .select()
        .from(t)
        .where(
          after
            ? or(gt(t.createdAt, after.createdAt), and(eq(t.createdAt, after.createdAt), gt(t.id, after.id)))
            : undefined,
        )
        .orderBy(asc(t.createdAt), asc(t.id))
        .limit(limit);
      return rows<Row>(found);
    },
  };
}
