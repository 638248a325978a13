// Progress of long jobs, readable by the API while the job runs. Created by the platform's own
// migrations (db/migrations) in every app's database.
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const jobProgress = pgTable('job_progress', {
  jobId: uuid().primaryKey(),
  queue: text().notNull(),
  done: integer().notNull(),
  total: integer().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});
