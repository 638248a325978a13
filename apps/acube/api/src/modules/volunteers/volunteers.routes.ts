// Volunteers: the public application (policy `public`) and the seed's GET plus a status PATCH,
// which expose personal data and so require an admin here.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BotCheckHeaders, requireBotCheck } from '../abuse/index.ts';
import { listAnswer } from '../listing/index.ts';
import { acknowledge } from '../submissions/index.ts';
import { changeApplicationStatus } from './use-cases/change-application-status.ts';
import { findApplications } from './use-cases/find-applications.ts';
import { getApplication } from './use-cases/get-application.ts';
import { submitApplication } from './use-cases/submit-application.ts';
import type { VolunteersContext } from './volunteers.context.ts';
import type { VolunteerRow } from './volunteers.repository.ts';
import {
  AdminVolunteer,
  ListVolunteersQuery,
  SubmissionAck,
  VolunteerBody,
  VolunteerPage,
  VolunteerParams,
  VolunteerStatusBody,
} from './volunteers.schemas.ts';

const STAFF = ['staff', 'superadmin'] as const;

const forAdmin = (row: VolunteerRow) => ({
  id: row.id,
  reference: row.reference,
  status: row.status,
  name: row.name,
  email: row.email,
  phone: row.phone,
  availability: row.availability,
  message: row.message,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

export const volunteersRoutes: FastifyPluginAsyncTypebox<{ ctx: VolunteersContext }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/',
    {
      config: { rateLimit: 'public', access: 'public' },
      preHandler: requireBotCheck(app),
      schema: {
        tags: ['volunteers'],
        summary: 'Send a volunteer application (with a solved bot check)',
        headers: BotCheckHeaders,
        body: VolunteerBody,
        response: { 201: SubmissionAck, 200: SubmissionAck, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { row, created } = await submitApplication(
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
        tags: ['volunteers'],
        summary: 'List: filtered, sorted, paged and counted (admins)',
        querystring: ListVolunteersQuery,
        response: { 200: VolunteerPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAnswer(await findApplications(ctx, request.query), request.query.page, forAdmin),
  );

  app.get(
    '/:id',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['volunteers'],
        summary: 'One volunteer application (admins)',
        params: VolunteerParams,
        response: { 200: AdminVolunteer, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => forAdmin(await getApplication(ctx, { id: request.params.id })),
  );

  app.patch(
    '/:id/status',
    {
      config: { rateLimit: 'admin', access: STAFF },
      schema: {
        tags: ['volunteers'],
        summary: 'Change the status (admins); audited',
        params: VolunteerParams,
        body: VolunteerStatusBody,
        response: { 200: AdminVolunteer, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      forAdmin(
        await changeApplicationStatus(ctx, {
          id: request.params.id,
          status: request.body.status,
          who: auditContext(request),
        }),
      ),
  );
};
