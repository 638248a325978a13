// Bulk operations of more than 100 records run as jobs; this row is their report.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const bulkOperations = pgTable(
  'bulk_operations',
  {
    id: uuid().primaryKey().defaultRandom(),
    adminId: uuid().notNull(),
    action: text({ enum: ['delete', 'status-update'] }).notNull(),
    entity: text().notNull(),
    status: text({ enum: ['queued', 'running', 'completed', 'failed'] })
      .notNull()
      .default('queued'),
    total: integer().notNull(),
    /** Ids per outcome: done, missing (no such record), failed (the chunk that failed), not_attempted. */
    outcome: jsonb().$type<{
      done: string[];
      missing: string[];
      failed: string[];
      not_attempted: string[];
      error?: string;
    }>(),
    reportFileId: uuid(),
    jobId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('bulk_operations_admin_idx').on(t.adminId, t.createdAt)],
);
