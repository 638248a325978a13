// The audit log table, created by the platform's own migrations (db/migrations), whose
// 0001_audit_append_only makes the database itself refuse UPDATE, DELETE and TRUNCATE on it.
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** Who: the principal id, or null for the public or the system. */
    actorId: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    /** A minimal summary of the change: field names and short values, never free text. */
    changes: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    requestId: text(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
  ],
);
