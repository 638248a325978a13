// A person's data on request (superadmins only): POST /count (what is held, per kind), POST
// /export (everything as one JSON download), POST /erase (confirmed with the counts). The address
// travels in the body, never in a URL that logs keep, and no log line here names it.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PrivacyContext } from './privacy.context.ts';
import { CountsResponse, EraseBody, EraseResponse, PersonBody, PersonExport } from './privacy.schemas.ts';
import { countPersonalData } from './use-cases/count-personal-data.ts';
import { erasePersonalData } from './use-cases/erase-personal-data.ts';
import { exportPersonalData } from './use-cases/export-personal-data.ts';

const access = ['superadmin'] as const;

export const privacyRoutes: FastifyPluginAsyncTypebox<{ ctx: PrivacyContext }> = async (app, { ctx }) => {
  app.post(
    '/count',
    {
      config: { rateLimit: 'admin', access },
      schema: {
        tags: ['privacy'],
        summary:
          'What is held about a person, by e-mail address: the records per kind and the mails (superadmins)',
        body: PersonBody,
        response: { 200: CountsResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => countPersonalData(ctx, request.body),
  );

  app.post(
    '/export',
    {
      config: { rateLimit: 'export', access },
      schema: {
        tags: ['privacy'],
        summary:
          'Everything held about a person, by e-mail address, as one JSON document to download: each kind of record with its free text, and the mails (superadmins; audited)',
        body: PersonBody,
        response: { 200: PersonExport, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const doc = await exportPersonalData(ctx, { email: request.body.email, who: auditContext(request) });
      request.log.info({ event: 'privacy.exported', by: request.principal?.id }, 'personal data exported');
      return reply
        .header('content-disposition', 'attachment; filename="personal-data.json"')
        .header('cache-control', 'no-store')
        .send(doc);
    },
  );

  app.post(
    '/erase',
    {
      config: { rateLimit: 'admin', access },
      schema: {
        tags: ['privacy'],
        summary:
          'Erase everything held about a person, by e-mail address, confirmed with the counts /count gave (a 409 with the new counts if they changed): records, mails and mail files (superadmins; audited as counts)',
        body: EraseBody,
        response: { 200: EraseResponse, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const result = await erasePersonalData(ctx, { ...request.body, who: auditContext(request) });
      request.log.info(
        { event: 'privacy.erased', by: request.principal?.id, total: result.total },
        'personal data erased',
      );
      return result;
    },
  );
};
