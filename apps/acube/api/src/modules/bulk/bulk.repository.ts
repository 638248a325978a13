// The bulk operations table: one row a background operation, its status and its report. The
// records an operation changes belong to their own modules and are never queried here.
import type { Db, Tx } from '@campus/platform/db';
import { eq, sql } from 'drizzle-orm';
import { bulkOperations } from '../../db/schema/bulk-operations.ts';

export type BulkOperationRow = typeof bulkOperations.$inferSelect;
export type NewBulkOperation = typeof bulkOperations.$inferInsert;
export type BulkOutcome = NonNullable<BulkOperationRow['outcome']>;

export function createBulkRepository(db: Db) {
  return {
    async getById(id: string, tx: Db | Tx = db): Promise<BulkOperationRow | undefined> {
      const [row] = await tx.select().from(bulkOperations).where(eq(bulkOperations.id, id));
      return row;
    },
    async insert(values: NewBulkOperation, tx: Db | Tx = db): Promise<BulkOperationRow> {
      const [row] = await tx.insert(bulkOperations).values(values).returning();
      if (!row) throw new Error('bulk operation insert returned nothing');
      return row;
    },
    async setJobId(id: string, jobId: string, tx: Db | Tx = db): Promise<void> {
      await tx.update(bulkOperations).set({ jobId }).where(eq(bulkOperations.id, id));
    },
    async markRunning(id: string, tx: Db | Tx = db): Promise<void> {
      await tx.update(bulkOperations).set({ status: 'running' }).where(eq(bulkOperations.id, id));
    },
    /**
     * A chunk's outcome appended to the operation's, in the chunk's transaction: what a resumed
     * job already did is read back from here, so the report names each record once.
     */
    async recordChunk(id: string, part: { done: string[]; missing: string[] }, tx: Tx): Promise<void> {
      const so = (key: 'done' | 'missing') =>
        sql`coalesce(${bulkOperations.outcome} -> ${key}, '[]'::jsonb) || ${JSON.stringify(part[key])}::jsonb`;
      await tx
        .update(bulkOperations)
        .set({
          outcome: sql`jsonb_build_object('done', ${so('done')}, 'missing', ${so('missing')},
            'failed', '[]'::jsonb, 'not_attempted', '[]'::jsonb)`,
        })
        .where(eq(bulkOperations.id, id));
    },
    async finish(
      id: string,
      result: { outcome: BulkOutcome; reportFileId: string; finishedAt: Date },
      tx: Db | Tx = db,
    ): Promise<void> {
      await tx
        .update(bulkOperations)
        .set({ status: result.outcome.error ? 'failed' : 'completed', ...result })
        .where(eq(bulkOperations.id, id));
    },
  };
}

export type BulkRepository = ReturnType<typeof createBulkRepository>;
