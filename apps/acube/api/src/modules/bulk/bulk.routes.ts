// POST /api/admin/bulk/delete (superadmins) and /status-update (staff), the seed's bodies, or a
// list filter with the count the admin confirmed instead of the ids; POST /count for that count;
// GET /api/admin/bulk/operations/{id} for the progress and report of a background one.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { BulkContext } from './bulk.context.ts';
import {
  BulkCountBody,
  BulkCountResponse,
  BulkDeleteBody,
  BulkResult,
  BulkStatusBody,
  OperationParams,
  OperationResponse,
  toOperationResponse,
} from './bulk.schemas.ts';
import { countBulkFilter } from './use-cases/count-bulk-filter.ts';
import { getBulkOperation } from './use-cases/get-bulk-operation.ts';
import { type BulkAsk, type BulkStarted, startBulkOperation } from './use-cases/start-bulk-operation.ts';

const answer = (started: BulkStarted): { code: 200 | 202; body: BulkResult } =>
  started.processing === 'immediate'
    ? {
        code: 200,
        body: {
          success: true,
          processing: 'immediate',
          message: `${started.done.length} done`,
          done: started.done.length,
          missing: started.missing,
        },
      }
    : {
        code: 202,
        body: {
          success: true,
          processing: 'background',
          message: `${started.total} records will be processed in the background; the report will be e-mailed to you.`,
          operation_id: started.operationId,
          progress_url: `/api/admin/bulk/operations/${started.operationId}`,
        },
      };

export const bulkRoutes: FastifyPluginAsyncTypebox<{ ctx: BulkContext }> = async (app, { ctx }) => {
  const start = async (request: FastifyRequest, ask: BulkAsk) =>
    answer(
      await startBulkOperation(
        { ...ctx, log: request.log },
        { ask, adminId: request.principal?.id ?? '', who: auditContext(request) },
      ),
    );
  const which = (body: { ids?: string[]; filter?: object; expected_count?: number }) => ({
    ...(body.ids ? { ids: body.ids } : {}),
    ...(body.filter ? { filter: body.filter } : {}),
    ...(body.expected_count !== undefined ? { expected_count: body.expected_count } : {}),
  });

  app.post(
    '/count',
    {
      config: { rateLimit: 'admin', access: ['staff', 'superadmin'] },
      schema: {
        tags: ['bulk'],
        summary: 'How many records a list filter matches now: the count a bulk operation by filter confirms',
        body: BulkCountBody,
        response: { 200: BulkCountResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({ count: await countBulkFilter(ctx, request.body) }),
  );

  app.post(
    '/delete',
    {
      config: { rateLimit: 'admin', access: ['superadmin'] },
      schema: {
        tags: ['bulk'],
        summary:
          'Delete many records, by ids or by filter and confirmed count: up to 100 at once, more in the background (superadmins)',
        body: BulkDeleteBody,
        response: { 200: BulkResult, 202: BulkResult, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { entity } = request.body;
      const { code, body } = await start(request, { action: 'delete', entity, which: which(request.body) });
      return reply.code(code).send(body);
    },
  );

  app.post(
    '/status-update',
    {
      config: { rateLimit: 'admin', access: ['staff', 'superadmin'] },
      schema: {
        tags: ['bulk'],
        summary:
          'Set the status of many records, by ids or by filter and confirmed count: up to 100 at once, more in the background',
        body: BulkStatusBody,
        response: { 200: BulkResult, 202: BulkResult, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { entity, status } = request.body;
      const { code, body } = await start(request, {
        action: 'status-update',
        entity,
        status,
        which: which(request.body),
      });
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
        params: OperationParams,
        response: { 200: OperationResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { operation, progress } = await getBulkOperation(ctx, {
        id: request.params.id,
        viewer: request.principal,
      });
      return toOperationResponse(operation, progress);
    },
  );
};
