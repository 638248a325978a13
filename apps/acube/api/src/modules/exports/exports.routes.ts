// Exports (policy `export`, admins only): a streamed CSV of any record type; the audit log as a
// background job whose file is kept for admins to download and whose author is mailed; the
// download itself.
import { type AuditLog, auditContext } from '@campus/platform/audit/audit-log.ts';
import { notFound } from '@campus/platform/errors.ts';
import type { Files } from '@campus/platform/files/files.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { EXPORTS, type ExportEntity, exportEntity } from './entity-export.ts';

const STAFF = ['staff', 'superadmin'] as const;
export const AUDIT_EXPORT_QUEUE = 'audit-export';

/** The seed's filters: admin, action, entity, date range. */
export const AuditExportBody = Type.Object({
  admin_id: Type.Optional(Type.String({ maxLength: 200 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  entity: Type.Optional(Type.String({ maxLength: 100 })),
  date_from: Type.Optional(Type.String({ format: 'date-time' })),
  date_to: Type.Optional(Type.String({ format: 'date-time' })),
});

export const exportsRoutes: FastifyPluginAsyncTypebox<{ files: Files; audit: AuditLog }> = async (
  app,
  { files, audit },
) => {
  app.post(
    '/audit-logs',
    {
      config: { rateLimit: 'export', access: STAFF },
      // The seed's curl sends no body at all: that means no filters.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['exports'],
        summary: 'Export the audit log as CSV in the background; you are mailed a download link',
        body: AuditExportBody,
        response: {
          202: Type.Object({
            success: Type.Boolean(),
            message: Type.String(),
            processing: Type.Literal('background'),
            job_id: Type.String(),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const adminId = request.principal?.id ?? '';
      const jobId = await app.db.transaction(async (tx) => {
        await audit.record(tx, {
          ...auditContext(request),
          action: 'audit.export_requested',
          entity: 'audit_log',
          changes: { filters: Object.keys(request.body) },
        });
        return app.jobs.send(AUDIT_EXPORT_QUEUE, { adminId, filter: request.body }, { tx });
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
    '/files/:id',
    {
      config: { rateLimit: 'export', access: STAFF },
      schema: {
        tags: ['exports'],
        summary: 'Download a finished export',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        produces: ['text/csv'],
        response: { 200: Type.Any({ description: 'CSV' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await files.read(request.params.id);
      if (found?.file.kind !== 'export') throw notFound('Export');
      request.log.info(
        { event: 'export.downloaded', fileId: found.file.id, by: request.principal?.id },
        'export downloaded',
      );
      return reply
        .type(found.file.mime)
        .header('content-disposition', `attachment; filename="${found.file.originalName}"`)
        .header('content-length', found.file.size)
        .send(found.stream);
    },
  );

  app.get(
    '/:entity',
    {
      config: { rateLimit: 'export', access: STAFF },
      schema: {
        tags: ['exports'],
        summary: 'Every record of a kind as CSV, streamed (no row cap)',
        params: Type.Object({ entity: Type.Union(Object.keys(EXPORTS).map((k) => Type.Literal(k))) }),
        produces: ['text/csv'],
        response: { 200: Type.Any({ description: 'CSV' }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const entity = request.params.entity as ExportEntity;
      await audit.record(app.db, {
        ...auditContext(request),
        action: 'export.downloaded',
        entity,
        changes: null,
      });
      request.log.info({ event: 'export.streamed', entity, by: request.principal?.id }, 'export streamed');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${entity}.csv"`)
        .send(exportEntity(app.db, entity));
    },
  );
};
