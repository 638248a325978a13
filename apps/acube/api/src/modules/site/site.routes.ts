// GET /api/site (policy `public`): the settings every public page needs, in one small answer.

import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SiteResponse, toSiteResponse } from './site.schemas.ts';
import type { SiteSettings } from './site.settings.ts';

export const siteRoutes: FastifyPluginAsyncTypebox<{ site: SiteSettings }> = async (app, { site }) => {
  const body = toSiteResponse(site);
  app.get(
    '/',
    {
      config: { rateLimit: 'public', access: 'public' },
      schema: {
        tags: ['site'],
        summary: "The public pages' settings: time zone, urgent help, quick exit, privacy notice",
        response: { 200: SiteResponse, ...errorResponses(400) },
      },
    },
    async () => body,
  );
};
