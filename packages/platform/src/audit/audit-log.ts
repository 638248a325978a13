// The audit log: one append-only table, written in the same transaction as the change it
// records; read back filtered and keyset-paginated (newest first); exported as streamed CSV in
// keyset batches up to the newest id present when the export began. That is consistent because
// the table is append-only, and it holds no long transaction (which would stall PGlite).

import type { Readable } from 'node:stream';
import { and, desc, eq, gt, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock/clock.ts';
import { csvStream } from '../csv/csv.ts';
import type { Db, Tx } from '../db/database.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  changes?: Record<string, unknown> | null;
  /** Set from the request by `auditContext()`: who, from where, which request. */
  actorId?: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** Who did it and from where, from the request the change came in. */
export function auditContext(request: FastifyRequest): Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> {
  return { actorId: request.principal?.id ?? null, ip: request.ip, requestId: request.id };
}

export class AuditLog {
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Appends entries; pass the transaction of the change so both commit or neither does. */
  async record(tx: Tx | Db, ...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.#clock.now();
    await tx.insert(auditLog).values(
      entries.map((e) => ({
        at,
        actorId: e.actorId ?? null,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
        changes: e.changes ?? null,
        ip: e.ip ?? null,
        requestId: e.requestId ?? null,
      })),
    );
  }

  /** Newest first; pass the last id of a page as `before` for the next one. */
  async list(db: Db, filter: AuditFilter, page: { limit: number; before?: number }): Promise<AuditRow[]> {
    const where = conditions(filter);
    if (page.before !== undefined) where.push(lt(auditLog.id, page.before));
    return db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.id))
      .limit(page.limit);
  }

  /** Every matching row up to the newest present now, in batches, oldest first. */
  async *batches(db: Db, filter: AuditFilter, batchSize = 5000): AsyncGenerator<AuditRow[]> {
    const [newest] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    if (!newest) return;
    let after = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...conditions(filter), gte(auditLog.id, after + 1), lte(auditLog.id, newest.id)))
        .orderBy(auditLog.id)
        .limit(batchSize);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1]?.id ?? newest.id;
      if (rows.length < batchSize) return;
    }
  }

  /**
   * The CSV export: streamed, constant memory, formula cells neutralised. Rows are read as text
   * straight from the database (timestamps and JSON formatted by PostgreSQL), in keyset batches
   * up to the newest id present when the export began.
   */
  exportCsv(db: Db, filter: AuditFilter, batchSize = 10_000): Readable {
    type Row = Record<(typeof EXPORT_COLUMNS)[number], string | null>;
    async function* rows(): AsyncGenerator<Row[]> {
      const [newest] = await db
        .select({ id: auditLog.id })
        .from(auditLog)
        .orderBy(desc(auditLog.id))
        .limit(1);
      if (!newest) return;
      const fetchAfter = async (after: number) => {
        const where = and(...conditions(filter), gt(auditLog.id, after), lte(auditLog.id, newest.id));
        const result = (await db.execute(sql`
          select id::text as id,
                 (extract(epoch from at) * 1000)::bigint::text as at,
                 actor_id, action, entity, entity_id, changes::text as changes, ip, request_id
            from audit_log where ${where} order by audit_log.id limit ${batchSize}`)) as unknown as {
          rows: Row[];
        };
        return result.rows;
      };
      let after = 0;
      for (;;) {
        const batch = await fetchAfter(after);
        if (batch.length === 0) return;
        yield batch;
        if (batch.length < batchSize) return;
        after = Number(batch[batch.length - 1]?.id);
      }
    }
    return csvStream<Row>(
      EXPORT_COLUMNS.map((name) => ({
        header: name,
        // Time travels as epoch milliseconds (cheapest for the database) and leaves as ISO 8601.
        value: name === 'at' ? (r: Row) => new Date(Number(r.at)).toISOString() : (r: Row) => r[name],
      })),
      rows(),
    );
  }
}

const EXPORT_COLUMNS = [
  'id',
  'at',
  'actor_id',
  'action',
  'entity',
  'entity_id',
  'changes',
  'ip',
  'request_id',
] as const;

function conditions(filter: AuditFilter): SQL[] {
  const out: SQL[] = [];
  if (filter.actorId) out.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) out.push(eq(auditLog.action, filter.action));
  if (filter.entity) out.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) out.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) out.push(gte(auditLog.at, filter.from));
  if (filter.to) out.push(lt(auditLog.at, filter.to));
  return out;
}
