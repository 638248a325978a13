// The queries a person's data request and the retention schedule make of a table of the public's
// submissions (bookings, volunteer applications, contact messages): the rows an e-mail address
// holds (matched without regard to case or surrounding spaces, as people type it), and the closed
// rows last changed before a cut-off. Each table stays its module's own: it is handed in.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, inArray, lt, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { bookings } from '../../db/schema/bookings.ts';
import type { contactMessages, volunteerApplications } from '../../db/schema/submissions.ts';

/** A table the public writes to, with an address, a status and the time of its last change. */
export type PersonalTable = typeof bookings | typeof volunteerApplications | typeof contactMessages;

/** The address as stored, compared as people mean it: trimmed, in lower case. */
export const sameAddress = (column: SQLWrapper, email: string): SQL =>
  sql`lower(btrim(${column})) = ${email.trim().toLowerCase()}`;

export function createPersonalRecordsRepository<T extends PersonalTable>(db: () => Db, table: T) {
  type Row = T['$inferSelect'];
  // The three tables share these columns by name; queries are built on one of them.
  const t = table as unknown as typeof volunteerApplications;
  const rows = <R>(found: unknown) => found as R[];
  return {
    async countFor(email: string, tx: Db | Tx = db()): Promise<number> {
      return tx.$count(t, sameAddress(t.email, email));
    },
    /** Every row the address holds, oldest first. */
    async listFor(email: string, tx: Db | Tx = db()): Promise<Row[]> {
      const found = await tx
        .select()
        .from(t)
        .where(sameAddress(t.email, email))
        .orderBy(asc(t.createdAt), asc(t.id));
      return rows<Row>(found);
    },
    /** Deletes every row the address holds: the ids deleted. */
    async deleteFor(email: string, tx: Db | Tx = db()): Promise<string[]> {
      const deleted = await tx.delete(t).where(sameAddress(t.email, email)).returning({ id: t.id });
      return deleted.map((r) => r.id);
    },
    /** Deletes the rows in one of the closed statuses last changed before `before`: how many. */
    async deleteClosedBefore(closed: readonly string[], before: Date, tx: Db | Tx = db()): Promise<number> {
      if (closed.length === 0) return 0;
      const deleted = await tx
        .delete(t)
        .where(and(inArray(t.status, closed as (typeof t.$inferSelect.status)[]), lt(t.updatedAt, before)))
        .returning({ id: t.id });
      return deleted.length;
    },
  };
}
