// The site module: what the public front end reads about the organisation before any page
// (settings read once at boot, nothing stored). Registered with the prefix /api/site.
import type { FastifyPluginAsync } from 'fastify';
import { siteRoutes } from './site.routes.ts';
import type { SiteSettings } from './site.settings.ts';

export interface SiteModuleOptions {
  site: SiteSettings;
}

export const siteModule: FastifyPluginAsync<SiteModuleOptions> = async (app, opts) => {
  await app.register(siteRoutes, { site: opts.site });
};
