// Bulk delete and status update: up to 100 ids in one transaction in the request; more as a
// job in chunks of 100, each chunk one transaction. A failing chunk changes nothing and stops
// the job; the report says which ids were done, not found, failed and not attempted. Every
// change is audited with the chunk that makes it.
import { Readable } from 'node:stream';
import type { AuditEntry, AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import { csvLine } from '@campus/platform/csv/csv.ts';
import type { Db, Tx } from '@campus/platform/db/database.ts';
import type { Files } from '@campus/platform/files/files.ts';
import type { JobContext } from '@campus/platform/jobs/queue.ts';
import type { Mailer } from '@campus/platform/mail/mailer.ts';
import { eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Logger } from 'pino';
import { bookingStatuses, bookings } from '../../db/schema/bookings.ts';
import { bulkOperations } from '../../db/schema/bulk-operations.ts';
import {
  contactMessages,
  contactStatuses,
  volunteerApplications,
  volunteerStatuses,
} from '../../db/schema/submissions.ts';
import { createAdminsRepository } from '../admins/admins.repository.ts';
import { bulkReport } from './bulk.mail.ts';

export const CHUNK = 100;
export const BULK_QUEUE = 'bulk-operation';

interface BulkTable extends PgTable {
  id: PgColumn;
  status: PgColumn;
  updatedAt: PgColumn;
}

export const BULK_ENTITIES: Record<
  string,
  { table: BulkTable; entity: string; statuses: readonly string[] }
> = {
  sessions: { table: bookings, entity: 'booking', statuses: bookingStatuses },
  bookings: { table: bookings, entity: 'booking', statuses: bookingStatuses },
  volunteers: { table: volunteerApplications, entity: 'volunteer_application', statuses: volunteerStatuses },
  contact: { table: contactMessages, entity: 'contact_message', statuses: contactStatuses },
};

export interface BulkRequest {
  action: 'delete' | 'status-update';
  entity: string;
  ids: string[];
  status?: string;
}

export function createBulkService(deps: {
  db: () => Db;
  audit: AuditLog;
  files: Files;
  mail: Mailer;
  clock: Clock;
  logger: Logger;
  publicUrl: string;
}) {
  /** One chunk in one transaction: the ids it changed (the rest were not found). */
  async function applyChunk(
    tx: Tx,
    request: BulkRequest,
    ids: string[],
    who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
  ): Promise<string[]> {
    const target = BULK_ENTITIES[request.entity];
    if (!target) throw new Error(`unknown entity ${request.entity}`);
    const { table } = target;
    const rows =
      request.action === 'delete'
        ? await tx.delete(table).where(inArray(table.id, ids)).returning({ id: table.id })
        : await tx
            .update(table)
            .set({ status: request.status, updatedAt: deps.clock.now() } as never)
            .where(inArray(table.id, ids))
            .returning({ id: table.id });
    const done = rows.map((r) => String(r.id));
    await deps.audit.record(
      tx,
      ...done.map((id) => ({
        ...who,
        action: request.action === 'delete' ? `${target.entity}.deleted` : `${target.entity}.status_changed`,
        entity: target.entity,
        entityId: id,
        changes:
          request.action === 'delete' ? { bulk: true } : { status: { to: request.status }, bulk: true },
      })),
    );
    return done;
  }

  return {
    /** Up to CHUNK ids, in this request, all or nothing. */
    async runNow(request: BulkRequest, who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>) {
      const done = await deps.db().transaction((tx) => applyChunk(tx, request, request.ids, who));
      const doneSet = new Set(done);
      return { done, missing: request.ids.filter((id) => !doneSet.has(id)) };
    },

    /** More than CHUNK ids: recorded and queued in one transaction. */
    async enqueue(
      request: BulkRequest,
      adminId: string,
      send: (tx: Tx, operationId: string) => Promise<string>,
    ) {
      return deps.db().transaction(async (tx) => {
        const [op] = await tx
          .insert(bulkOperations)
          .values({ adminId, action: request.action, entity: request.entity, total: request.ids.length })
          .returning();
        if (!op) throw new Error('no operation row');
        const jobId = await send(tx, op.id);
        await tx.update(bulkOperations).set({ jobId }).where(eq(bulkOperations.id, op.id));
        return { operationId: op.id, jobId };
      });
    },

    /** The job: chunk by chunk; stops at the first chunk that fails; reports and mails. */
    async runJob(job: JobContext<{ operationId: string; adminId: string; request: BulkRequest }>) {
      const { operationId, adminId, request } = job.data;
      await deps
        .db()
        .update(bulkOperations)
        .set({ status: 'running' })
        .where(eq(bulkOperations.id, operationId));
      const who = { actorId: adminId, ip: null, requestId: `job:${job.id}` };
      const done: string[] = [];
      const missing: string[] = [];
      let failed: string[] = [];
      let notAttempted: string[] = [];
      let error: string | undefined;
      for (let start = 0; start < request.ids.length; start += CHUNK) {
        const chunk = request.ids.slice(start, start + CHUNK);
        try {
          const changed = await deps.db().transaction((tx) => applyChunk(tx, request, chunk, who));
          const changedSet = new Set(changed);
          done.push(...changed);
          missing.push(...chunk.filter((id) => !changedSet.has(id)));
          await job.progress(start + chunk.length, request.ids.length);
        } catch (err) {
          deps.logger.error(
            { err, operationId, chunk: start / CHUNK },
            'bulk chunk failed: it was rolled back and the job stops',
          );
          failed = chunk;
          notAttempted = request.ids.slice(start + CHUNK);
          error = `chunk ${start / CHUNK + 1} of ${Math.ceil(request.ids.length / CHUNK)} failed and changed nothing`;
          break;
        }
      }
      // The report goes to the store line by line as it is written, never whole in memory.
      function* report() {
        yield csvLine(['id', 'outcome']);
        for (const [outcome, ids] of [
          ['done', done],
          ['not found', missing],
          ['failed', failed],
          ['not attempted', notAttempted],
        ] as const) {
          for (const id of ids) yield csvLine([id, outcome]);
        }
      }
      const file = await deps.files.storeGenerated(
        'export',
        Readable.from(report()),
        `bulk-${request.action}-${operationId}.csv`,
        'text/csv',
        adminId,
      );
      const outcome = { done, missing, failed, not_attempted: notAttempted, ...(error ? { error } : {}) };
      await deps
        .db()
        .update(bulkOperations)
        .set({
          status: error ? 'failed' : 'completed',
          outcome,
          reportFileId: file.id,
          finishedAt: deps.clock.now(),
        })
        .where(eq(bulkOperations.id, operationId));
      deps.logger.info(
        {
          event: 'bulk.finished',
          operationId,
          done: done.length,
          failed: failed.length,
          notAttempted: notAttempted.length,
        },
        'bulk operation finished',
      );
      const admin = await createAdminsRepository(deps.db).findById(adminId);
      if (admin) {
        await deps.mail.send(bulkReport, admin.email, {
          name: admin.name,
          action: request.action,
          entity: request.entity,
          total: request.ids.length,
          done: done.length,
          missing: missing.length,
          failed: failed.length,
          notAttempted: notAttempted.length,
          link: `${deps.publicUrl}/api/admin/bulk/export/files/${file.id}`,
        });
      }
    },
  };
}

export type BulkService = ReturnType<typeof createBulkService>;
