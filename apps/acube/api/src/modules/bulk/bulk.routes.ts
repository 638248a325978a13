// POST /api/admin/bulk/delete (superadmins) and /status-update (staff), the seed's bodies;
// GET /api/admin/bulk/operations/{id} for the progress and report of a background one.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { BulkContext } from './bulk.context.ts';
import {
  BulkDeleteBody,
  type BulkRequest,
  BulkResult,
  BulkStatusBody,
  OperationParams,
  OperationResponse,
  toOperationResponse,
} from './bulk.schemas.ts';
import { getBulkOperation } from './use-cases/get-bulk-operation.ts';
import { type BulkStarted, startBulkOperation } from './use-cases/start-bulk-operation.ts';

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
  const start = async (request: FastifyRequest, bulk: BulkRequest) =>
    answer(
      await startBulkOperation(
        { ...ctx, log: request.log },
        { request: bulk, adminId: request.principal?.id ?? '', who: auditContext(request) },
      ),
    );

  app.post(
    '/delete',
    {
      config: { rateLimit: 'admin', access: ['superadmin'] },
      schema: {
        tags: ['bulk'],
        summary: 'Delete many records: up to 100 at once, more in the background (superadmins)',
        body: BulkDeleteBody,
        response: { 200: BulkResult, 202: BulkResult, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { code, body } = await start(request, { action: 'delete', ...request.body });
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
        body: BulkStatusBody,
        response: { 200: BulkResult, 202: BulkResult, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { code, body } = await start(request, { action: 'status-update', ...request.body });
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
