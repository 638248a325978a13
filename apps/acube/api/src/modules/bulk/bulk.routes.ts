// POST /api/admin/bulk/delete (superadmins) and /status-update (staff), the seed's bodies;
// GET /api/admin/bulk/operations/{id} for the progress and report of a background one.
import { auditContext } from '@campus/platform/audit/audit-log.ts';
import { AppError, notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { bulkOperations } from '../../db/schema/bulk-operations.ts';
import { BULK_ENTITIES, BULK_QUEUE, type BulkRequest, type BulkService, CHUNK } from './bulk.service.ts';

const Entity = Type.Union(Object.keys(BULK_ENTITIES).map((k) => Type.Literal(k)));
const Ids = Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 10_000, uniqueItems: true });
const Result = Type.Object({
  success: Type.Boolean(),
  processing: Type.Union([Type.Literal('immediate'), Type.Literal('background')]),
  message: Type.String(),
  done: Type.Optional(Type.Integer()),
  missing: Type.Optional(Type.Array(Type.String())),
  operation_id: Type.Optional(Type.String()),
  progress_url: Type.Optional(Type.String()),
});

export const bulkRoutes: FastifyPluginAsyncTypebox<{ bulk: BulkService }> = async (app, { bulk }) => {
  const run = async (request: BulkRequest, req: Parameters<typeof auditContext>[0]) => {
    if (request.ids.length <= CHUNK) {
      const result = await bulk.runNow(request, auditContext(req));
      req.log.info(
        { event: 'bulk.done', action: request.action, entity: request.entity, done: result.done.length },
        'bulk operation done',
      );
      return {
        code: 200 as const,
        body: {
          success: true,
          processing: 'immediate' as const,
          message: `${result.done.length} done`,
          done: result.done.length,
          missing: result.missing,
        },
      };
    }
    const adminId = req.principal?.id ?? '';
    const { operationId } = await bulk.enqueue(request, adminId, (tx, id) =>
      app.jobs.send(BULK_QUEUE, { operationId: id, adminId, request }, { tx }),
    );
    req.log.info(
      {
        event: 'bulk.queued',
        action: request.action,
        entity: request.entity,
        total: request.ids.length,
        operationId,
      },
      'bulk operation queued',
    );
    return {
      code: 202 as const,
      body: {
        success: true,
        processing: 'background' as const,
        message: `${request.ids.length} records will be processed in the background; the report will be e-mailed to you.`,
        operation_id: operationId,
        progress_url: `/api/admin/bulk/operations/${operationId}`,
      },
    };
  };

  app.post(
    '/delete',
    {
      config: { rateLimit: 'admin', access: ['superadmin'] },
      schema: {
        tags: ['bulk'],
        summary: 'Delete many records: up to 100 at once, more in the background (superadmins)',
        body: Type.Object({ entity: Entity, ids: Ids }),
        response: { 200: Result, 202: Result, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { code, body } = await run(
        { action: 'delete', entity: request.body.entity, ids: request.body.ids },
        request,
      );
      return reply.code(code).send(body);
    },
  );

  app.post(
    '/status-update',
    {
      config: { rateLimit: 'admin', access: ['staff', 'superadmin'] },
      schema: {
        tags: ['bulk'],
        summary: 'Set the status of many records: up to 100 at once, more in the background',
        body: Type.Object({ entity: Entity, ids: Ids, status: Type.String({ maxLength: 40 }) }),
        response: { 200: Result, 202: Result, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { entity, ids, status } = request.body;
      const allowed = BULK_ENTITIES[entity]?.statuses ?? [];
      if (!allowed.includes(status)) {
        throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
          details: [{ field: 'body.status', message: `must be one of: ${allowed.join(', ')}` }],
        });
      }
      const { code, body } = await run({ action: 'status-update', entity, ids, status }, request);
      return reply.code(code).send(body);
    },
  );

  app.get(
    '/operations/:id',
    {
      config: { rateLimit: 'admin', access: ['staff', 'superadmin'] },
      schema: {
        tags: ['bulk'],
        summary: 'Progress and report of a background bulk operation (its author or a superadmin)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            action: Type.String(),
            entity: Type.String(),
            status: Type.String(),
            total: Type.Integer(),
            progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
            done: Type.Integer(),
            missing: Type.Integer(),
            failed: Type.Integer(),
            not_attempted: Type.Integer(),
            error: Type.Union([Type.String(), Type.Null()]),
            report_url: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const [op] = await app.db.select().from(bulkOperations).where(eq(bulkOperations.id, request.params.id));
      const me = request.principal;
      if (!op || (op.adminId !== me?.id && !me?.roles.includes('superadmin')))
        throw notFound('Bulk operation');
      const progress = op.jobId ? await app.jobs.progress(op.jobId) : null;
      return {
        id: op.id,
        action: op.action,
        entity: op.entity,
        status: op.status,
        total: op.total,
        progress: { done: progress?.done ?? 0, total: progress?.total ?? op.total },
        done: op.outcome?.done.length ?? 0,
        missing: op.outcome?.missing.length ?? 0,
        failed: op.outcome?.failed.length ?? 0,
        not_attempted: op.outcome?.not_attempted.length ?? 0,
        error: op.outcome?.error ?? null,
        report_url: op.reportFileId ? `/api/admin/bulk/export/files/${op.reportFileId}` : null,
      };
    },
  );
};
