// Counters that must hold across instances and restarts (how many mails one address got today,
// which bot-check solutions were spent): one row a scope and key, forgotten after `expiresAt`.
// Created by the platform's own migrations in every app's database; keys are hashes, never the
// personal value they stand for.
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const keyedCounters = pgTable(
  'keyed_counters',
  {
    scope: text().notNull(),
    key: text().notNull(),
    count: integer().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('keyed_counters_expires_idx').on(t.expiresAt)],
);
