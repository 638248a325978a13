// POST /api/contact/:id/reply (staff and superadmins): answer a message by mail; audited, the
// text never logged.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ContactContext } from './contact.context.ts';
import { ReplyAnswer, ReplyBody } from './contact.reply.schemas.ts';
import { ContactParams } from './contact.schemas.ts';
import { replyToMessage } from './use-cases/reply-to-message.ts';

export const contactReplyRoutes: FastifyPluginAsyncTypebox<{ ctx: ContactContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/:id/reply',
    {
      config: { rateLimit: 'admin', access: ['staff', 'superadmin'] },
      schema: {
        tags: ['contact'],
        summary:
          'Answer a contact message by mail (admins): it becomes replied; audited, the text never logged',
        params: ContactParams,
        body: ReplyBody,
        response: { 200: ReplyAnswer, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { row, repliedAt } = await replyToMessage(
        { ...ctx, log: request.log },
        { id: request.params.id, body: request.body.body, who: auditContext(request) },
      );
      return {
        id: row.id,
        reference: row.reference,
        status: row.status,
        replied_at: repliedAt.toISOString(),
      };
    },
  );
};
