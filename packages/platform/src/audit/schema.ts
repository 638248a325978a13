// The audit log table. Apps re-export it from their schema, and add APPEND_ONLY_SQL (below) as
// a custom migration: the database itself then refuses UPDATE, DELETE and TRUNCATE on it.
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

/** The trigger that makes audit_log append-only; put it in a custom migration. */
export const APPEND_ONLY_SQL = `
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;
