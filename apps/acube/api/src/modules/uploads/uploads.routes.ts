// POST /api/admin/uploads (policy `upload`): event images and documents, checked from their
// bytes (PNG, JPEG, WebP, PDF; 10 MiB); GET /api/admin/uploads/{id} serves one back to admins.
import { type AuditLog, auditContext } from '@campus/platform/audit/audit-log.ts';
import { AppError, notFound } from '@campus/platform/errors.ts';
import type { Files } from '@campus/platform/files/files.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const STAFF = ['staff', 'superadmin'] as const;
const Upload = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
});

export const uploadsRoutes: FastifyPluginAsyncTypebox<{ files: Files; audit: AuditLog }> = async (
  app,
  { files, audit },
) => {
  const limit = files.kinds.upload?.maxBytes ?? 0;

  app.post(
    '/',
    {
      config: { rateLimit: 'upload', access: STAFF },
      schema: {
        tags: ['uploads'],
        summary: 'Upload an event image or a document (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 201: Upload, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      // One byte over the limit gets through, so that Files sees the file is too large (413).
      const part = await request.file({ limits: { fileSize: limit + 1 } });
      if (!part) {
        throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
          details: [{ field: 'body.file', message: 'a file is required' }],
        });
      }
      const stored = await files.store('upload', part.file, part.filename, request.principal?.id ?? null);
      await audit.record(app.db, {
        ...auditContext(request),
        action: 'upload.created',
        entity: 'stored_file',
        entityId: stored.id,
        changes: { mime: stored.mime, size: stored.size },
      });
      request.log.info(
        { event: 'upload.created', fileId: stored.id, mime: stored.mime, size: stored.size },
        'file uploaded',
      );
      return reply.code(201).send({
        id: stored.id,
        name: stored.originalName,
        mime: stored.mime,
        size: stored.size,
        url: `/api/admin/uploads/${stored.id}`,
      });
    },
  );

  app.get(
    '/:id',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['uploads'],
        summary: 'An uploaded file (admins)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Any({ description: 'the file' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await files.read(request.params.id);
      if (found?.file.kind !== 'upload') throw notFound('Upload');
      return reply
        .type(found.file.mime)
        .header(
          'content-disposition',
          `attachment; filename="${found.file.originalName.replace(/[^\x20-\x7e]|"/g, '_')}"`,
        )
        .header('content-length', found.file.size)
        .send(found.stream);
    },
  );
};
