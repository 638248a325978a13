// Exports (policy `export`, admins only): a record type's CSV, stored and sent back as a stream;
// the audit log as a background job whose file is kept for admins to download and whose author
// is mailed; the download of a finished export.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ExportsContext } from './exports.context.ts';
import {
  AuditExportAccepted,
  AuditExportBody,
  AuditExportParams,
  AuditExportState,
  Csv,
  EntityParams,
  ExportQuery,
  FileParams,
} from './exports.schemas.ts';
import { exportEntity } from './use-cases/export-entity.ts';
import { getAuditExport } from './use-cases/get-audit-export.ts';
import { getExportFile } from './use-cases/get-export-file.ts';
import { requestAuditExport } from './use-cases/request-audit-export.ts';

const config = { rateLimit: 'export', access: ['staff', 'superadmin'] } as const;

export const exportsRoutes: FastifyPluginAsyncTypebox<{ ctx: ExportsContext }> = async (app, { ctx }) => {
  app.post(
    '/audit-logs',
    {
      config,
      // The seed's curl sends no body at all: that means no filters.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['exports'],
        summary: 'Export the audit log as CSV in the background; you are mailed a download link',
        body: AuditExportBody,
        response: { 202: AuditExportAccepted, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const adminId = request.principal?.id ?? '';
      const { jobId } = await requestAuditExport(ctx, {
        adminId,
        filter: request.body,
        who: auditContext(request),
      });
      request.log.info(
        { event: 'export.requested', what: 'audit-logs', jobId, by: adminId },
        'audit export requested',
      );
      return reply.code(202).send({
        success: true,
        message:
          'Audit log export started in background. You will receive an email with the file when complete.',
        processing: 'background',
        job_id: jobId,
      });
    },
  );

  app.get(
    '/audit-logs/:job_id',
    {
      config: { rateLimit: 'admin', access: ['staff', 'superadmin'] },
      schema: {
        tags: ['exports'],
        summary: 'Where an audit export stands, and its file once done: the admin who asked, or a superadmin',
        params: AuditExportParams,
        response: { 200: AuditExportState, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getAuditExport(ctx, {
        jobId: request.params.job_id,
        admin: { id: request.principal?.id ?? '', roles: request.principal?.roles ?? [] },
      }),
  );

  app.get(
    '/files/:id',
    {
      config,
      schema: {
        tags: ['exports'],
        summary: 'Download a finished export: the admin who made it, or a superadmin',
        params: FileParams,
        produces: ['text/csv'],
        response: { 200: Csv, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { file, stream } = await getExportFile(ctx, {
        id: request.params.id,
        admin: { id: request.principal?.id ?? '', roles: request.principal?.roles ?? [] },
      });
      request.log.info(
        { event: 'export.downloaded', fileId: file.id, by: request.principal?.id },
        'export downloaded',
      );
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename="${file.originalName}"`)
        .header('content-length', file.size)
        .send(stream);
    },
  );

  app.get(
    '/:entity',
    {
      config,
      schema: {
        tags: ['exports'],
        summary:
          "The records of a kind that the list's filter matches, in its sort, as CSV streamed through the file store (no row cap); free text only for superadmins who ask",
        params: EntityParams,
        querystring: ExportQuery,
        produces: ['text/csv'],
        response: { 200: Csv, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { entity } = request.params;
      const { file, stream } = await exportEntity(ctx, {
        entity,
        query: request.query,
        roles: request.principal?.roles ?? [],
        who: auditContext(request),
      });
      request.log.info(
        { event: 'export.streamed', entity, fileId: file.id, by: request.principal?.id },
        'export streamed',
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${entity}.csv"`)
        .header('content-length', file.size)
        .send(stream);
    },
  );
};
