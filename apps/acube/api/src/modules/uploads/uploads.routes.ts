// POST /api/admin/uploads (policy `upload`): event images and documents, checked from their
// bytes (PNG, JPEG, WebP, PDF; 10 MiB); GET /api/admin/uploads/{id} serves one back to admins.
import { auditContext } from '@campus/platform/audit';
import { AppError } from '@campus/platform/errors';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UploadsContext } from './uploads.context.ts';
import { toUploadResponse, UploadedFile, UploadParams, UploadResponse } from './uploads.schemas.ts';
import { getUpload } from './use-cases/get-upload.ts';
import { uploadFile } from './use-cases/upload-file.ts';
import { attachmentName, partLimit } from './use-cases/upload-rules.ts';

const STAFF = ['staff', 'superadmin'] as const;

export const uploadsRoutes: FastifyPluginAsyncTypebox<{ ctx: UploadsContext; maxBytes: number }> = async (
  app,
  { ctx, maxBytes },
) => {
  app.post(
    '/',
    {
      config: { rateLimit: 'upload', access: STAFF },
      schema: {
        tags: ['uploads'],
        summary: 'Upload an event image or a document (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 201: UploadResponse, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: partLimit(maxBytes) } });
      if (!part) {
        throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
          details: [{ field: 'body.file', message: 'a file is required' }],
        });
      }
      const stored = await uploadFile(ctx, {
        file: part.file,
        filename: part.filename,
        who: auditContext(request),
      });
      request.log.info(
        { event: 'upload.created', fileId: stored.id, mime: stored.mime, size: stored.size },
        'file uploaded',
      );
      return reply.code(201).send(toUploadResponse(stored));
    },
  );

  app.get(
    '/:id',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['uploads'],
        summary: 'An uploaded file (admins)',
        params: UploadParams,
        response: { 200: UploadedFile, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { file, stream } = await getUpload(ctx, { id: request.params.id });
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename="${attachmentName(file.originalName)}"`)
        .header('content-length', file.size)
        .send(stream);
    },
  );
};
