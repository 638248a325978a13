// Contact: the public message (policy `public`) and the seed's GET plus a status PATCH,
// which expose personal data and so require an admin here.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BotCheckHeaders, requireBotCheck } from '../abuse/index.ts';
import { listAnswer } from '../listing/index.ts';
import { acknowledge } from '../submissions/index.ts';
import type { ContactContext } from './contact.context.ts';
import type { ContactRow } from './contact.repository.ts';
import {
  AdminContactMessage,
  ContactBody,
  ContactPage,
  ContactParams,
  ContactStatusBody,
  ListContactQuery,
  SubmissionAck,
} from './contact.schemas.ts';
import { changeMessageStatus } from './use-cases/change-message-status.ts';
import { findMessages } from './use-cases/find-messages.ts';
import { getMessage } from './use-cases/get-message.ts';
import { submitMessage } from './use-cases/submit-message.ts';

const STAFF = ['staff', 'superadmin'] as const;

const forAdmin = (row: ContactRow) => ({
  id: row.id,
  reference: row.reference,
  status: row.status,
  name: row.name,
  email: row.email,
  subject: row.subject,
  message: row.message,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

export const contactRoutes: FastifyPluginAsyncTypebox<{ ctx: ContactContext }> = async (app, { ctx }) => {
  app.post(
    '/',
    {
      config: { rateLimit: 'public', access: 'public' },
      preHandler: requireBotCheck(app),
      schema: {
        tags: ['contact'],
        summary: 'Send a contact message (with a solved bot check)',
        headers: BotCheckHeaders,
        body: ContactBody,
        response: { 201: SubmissionAck, 200: SubmissionAck, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { row, created } = await submitMessage(
        { ...ctx, log: request.log, mailCap: app.publicMailCap },
        { body: request.body, who: auditContext(request) },
      );
      const ack = acknowledge(row.reference, created);
      return reply.code(ack.status).send(ack.body);
    },
  );

  app.get(
    '/',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['contact'],
        summary: 'List: filtered, sorted, paged and counted (admins)',
        querystring: ListContactQuery,
        response: { 200: ContactPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAnswer(await findMessages(ctx, request.query), request.query.page, forAdmin),
  );

  app.get(
    '/:id',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['contact'],
        summary: 'One contact message (admins)',
        params: ContactParams,
        response: { 200: AdminContactMessage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => forAdmin(await getMessage(ctx, { id: request.params.id })),
  );

  app.patch(
    '/:id/status',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['contact'],
        summary: 'Change the status (admins); audited',
        params: ContactParams,
        body: ContactStatusBody,
        response: { 200: AdminContactMessage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      forAdmin(
        await changeMessageStatus(ctx, {
          id: request.params.id,
          status: request.body.status,
          who: auditContext(request),
        }),
      ),
  );
};
