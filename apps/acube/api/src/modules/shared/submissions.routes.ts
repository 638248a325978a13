// The public form routes of volunteers and contact, built from one description each: POST
// (policy `public`: stored, audited and acknowledged by mail in one transaction; a repeat
// within ten minutes answers with the first reference), and the seed's GET plus a status PATCH,
// which expose personal data and so require an admin.
import { type AuditLog, auditContext } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import { notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { MailTemplate } from '@campus/platform/mail/template.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type TObject, Type } from 'typebox';
import { DUPLICATE_WINDOW_MS, dedupeKey, newReference } from './submission.ts';

const STAFF = ['staff', 'superadmin'] as const;

interface SubmissionTable extends PgTable {
  id: PgColumn;
  reference: PgColumn;
  email: PgColumn;
  status: PgColumn;
  dedupeKey: PgColumn;
  createdAt: PgColumn;
  updatedAt: PgColumn;
}

export interface SubmissionsOptions {
  entity: string;
  tag: string;
  referencePrefix: string;
  table: SubmissionTable;
  body: TObject;
  /** Body fields (snake_case) to columns (camelCase), in the order they make the dedupe key. */
  fields: Record<string, string>;
  statuses: readonly string[];
  ack: MailTemplate<{ name: string; reference: string }>;
  audit: AuditLog;
  clock: Clock;
}

type Row = Record<string, unknown> & {
  id: string;
  reference: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
};

export const submissionsRoutes: FastifyPluginAsyncTypebox<SubmissionsOptions> = async (app, opts) => {
  const { table, entity } = opts;
  const statusSchema = Type.Union(opts.statuses.map((s) => Type.Literal(s)));
  type AdminView = { id: string; reference: string; status: string; created_at: string; updated_at: string };
  const toAdmin = (row: Row): AdminView => {
    const fields: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(opts.fields)) fields[field] = row[column] ?? '';
    return {
      ...fields,
      id: row.id,
      reference: row.reference,
      status: row.status,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    };
  };
  const AdminItem = Type.Object({
    id: Type.String(),
    reference: Type.String(),
    status: Type.String(),
    ...Object.fromEntries(Object.keys(opts.fields).map((f) => [f, Type.String()])),
    created_at: Type.String(),
    updated_at: Type.String(),
  });
  const Ack = Type.Object({ reference: Type.String(), message: Type.String() });

  app.post(
    '/',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: [opts.tag],
        summary: `Send a ${entity.replace('_', ' ')}`,
        body: opts.body,
        response: { 201: Ack, 200: Ack, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const body = request.body as Record<string, string>;
      const key = dedupeKey(body.email ?? '', ...Object.keys(opts.fields).map((f) => body[f]));
      const since = new Date(opts.clock.nowMs() - DUPLICATE_WINDOW_MS);
      const [duplicate] = (await app.db
        .select()
        .from(table)
        .where(and(eq(table.dedupeKey, key), gt(table.createdAt, since)))
        .limit(1)) as Row[];
      if (duplicate) {
        request.log.info({ event: `${entity}.duplicate`, id: duplicate.id }, 'repeated submission');
        return reply
          .code(200)
          .send({ reference: duplicate.reference, message: 'We already have this: nothing was sent twice.' });
      }
      const values: Record<string, unknown> = {
        reference: newReference(opts.referencePrefix),
        dedupeKey: key,
        createdAt: opts.clock.now(),
        updatedAt: opts.clock.now(),
      };
      for (const [field, column] of Object.entries(opts.fields)) values[column] = (body[field] ?? '').trim();
      values.email = String(values.email).toLowerCase();
      const row = await app.db.transaction(async (tx) => {
        const [inserted] = (await tx.insert(table).values(values).returning()) as Row[];
        if (!inserted) throw new Error('insert returned nothing');
        await opts.audit.record(tx, {
          ...auditContext(request),
          actorId: null,
          action: `${entity}.created`,
          entity,
          entityId: inserted.id,
          changes: { status: inserted.status },
        });
        await app.mail.send(
          opts.ack,
          String(inserted.email),
          { name: String(inserted.name), reference: inserted.reference },
          { tx },
        );
        return inserted;
      });
      request.log.info({ event: `${entity}.created`, id: row.id }, 'public submission');
      return reply.code(201).send({
        reference: row.reference,
        message: 'Thank you: we have received it and e-mailed you a confirmation.',
      });
    },
  );

  app.get(
    '/',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: [opts.tag],
        summary: 'List, newest first (admins)',
        querystring: Type.Object({
          status: Type.Optional(statusSchema),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          before: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(AdminItem),
            next_before: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { status, limit, before } = request.query as { status?: string; limit: number; before?: string };
      const where: SQL[] = [];
      if (status) where.push(eq(table.status, status));
      if (before) where.push(lt(table.createdAt, new Date(before)));
      const rows = (await app.db
        .select()
        .from(table)
        .where(and(...where))
        .orderBy(desc(table.createdAt))
        .limit(limit)) as Row[];
      return {
        items: rows.map(toAdmin),
        next_before: rows.length === limit ? (rows[rows.length - 1]?.createdAt.toISOString() ?? null) : null,
      };
    },
  );

  app.patch(
    '/:id/status',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: [opts.tag],
        summary: 'Change the status (admins); audited',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ status: statusSchema }),
        response: { 200: AdminItem, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { status } = request.body as { status: string };
      const row = await app.db.transaction(async (tx) => {
        const [before] = (await tx.select().from(table).where(eq(table.id, id))) as Row[];
        if (!before) throw notFound(entity.replace('_', ' '));
        const [after] = (await tx
          .update(table)
          .set({ status, updatedAt: opts.clock.now() })
          .where(eq(table.id, id))
          .returning()) as Row[];
        await opts.audit.record(tx, {
          ...auditContext(request),
          action: `${entity}.status_changed`,
          entity,
          entityId: id,
          changes: { status: { from: before.status, to: status } },
        });
        return after ?? before;
      });
      return toAdmin(row);
    },
  );
};
