// Bulk operations as one module: the report mail template, the background job's queue, and the
// routes under /api/admin/bulk. The records it changes are reached through their own modules'
// bulk adapters (bookings, volunteers, contact); its own table is bulk_operations.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Files } from '@campus/platform/files';
import { defineQueue } from '@campus/platform/jobs';
import type { FastifyPluginAsync } from 'fastify';
import { adminContacts } from '../admins/index.ts';
import { bookingsForBulk } from '../bookings/index.ts';
import { contactForBulk } from '../contact/index.ts';
import { volunteersForBulk } from '../volunteers/index.ts';
import type { BulkContext } from './bulk.context.ts';
import { bulkReport } from './bulk.mail.ts';
import { createBulkRepository } from './bulk.repository.ts';
import { bulkRoutes } from './bulk.routes.ts';
import { BULK_QUEUE, BulkJobPayload } from './bulk.schemas.ts';
import { runBulkOperation } from './use-cases/run-bulk-operation.ts';

export interface BulkModuleOptions {
  audit: AuditLog;
  files: Files;
  clock: Clock;
  publicUrl: string;
  /** The organisation's zone (TIME_ZONE): the days of a filter's dates are its days. */
  timeZone: string;
  /** MAIL_FROM: the organizer of a cancelled appointment's calendar file. */
  mailFrom: string;
  /** BULK_CHUNK_PAUSE_MS: a pause between two chunks of a background operation (default 0). */
  chunkPauseMs?: number;
}

export const bulkModule: FastifyPluginAsync<BulkModuleOptions> = async (app, opts) => {
  const db = () => app.db;
  const edit = { db, audit: opts.audit, clock: opts.clock, timeZone: opts.timeZone };
  const bookings = bookingsForBulk({
    ...edit,
    mail: app.mail,
    publicUrl: opts.publicUrl,
    mailFrom: opts.mailFrom,
  });
  const ctx: BulkContext = {
    db: app.db,
    repo: createBulkRepository(app.db),
    targets: {
      sessions: bookings,
      bookings,
      volunteers: volunteersForBulk(edit),
      contact: contactForBulk(edit),
    },
    files: opts.files,
    mail: app.mail,
    jobs: app.jobs,
    clock: opts.clock,
    audit: opts.audit,
    log: app.log,
    adminContact: adminContacts(db),
    publicUrl: opts.publicUrl,
  };
  app.mail.template(bulkReport);
  app.jobs.define(
    defineQueue({
      name: BULK_QUEUE,
      payload: BulkJobPayload,
      // A run whose worker died is taken over within a minute (heartbeats, the platform's 15 s
      // default) and resumes after its last committed chunk: a retry never redoes a chunk. A short
      // first retry delay (2 s, doubling) keeps the takeover quick.
      retryLimit: 5,
      retryDelaySeconds: 2,
      expireInSeconds: 3600,
      handler: (job) =>
        runBulkOperation(ctx, {
          ...job.data,
          jobId: job.id,
          inChunks: job.inChunks,
          pauseMs: opts.chunkPauseMs ?? 0,
        }),
    }),
  );
  await app.register(bulkRoutes, { prefix: '/api/admin/bulk', ctx });
};
