// What other modules may use of the site module.
export { type SiteModuleOptions, siteModule } from './site.module.ts';
export type { SiteResponse } from './site.schemas.ts';
export { type SiteSettings, siteSettings, siteSettingsFrom } from './site.settings.ts';
