// A-Cube's settings: the platform's, with A-Cube's defaults (port 3000, data under data/acube/).
// PUBLIC_URL, the address people reach the site at (links in e-mails point there), is the
// platform's `publicUrl`. The public pages' own settings (time zone, urgent-help text, quick-exit
// address, privacy notice version) are `site`; see modules/site/site.settings.ts.

import type { PlatformConfig } from '@campus/platform/config';
import { loadConfig } from '@campus/platform/config';
import { type SiteSettings, siteSettings, siteSettingsFrom } from './modules/site/index.ts';

export type AcubeConfig = PlatformConfig & {
  readonly site: SiteSettings;
};

export function loadAcubeConfig(env: Record<string, string | undefined> = process.env): AcubeConfig {
  const config = loadConfig({
    app: 'acube',
    defaultPort: 3000,
    env,
    loginIpThreshold: 20,
    extra: siteSettings,
  });
  return Object.freeze({ ...config, site: Object.freeze(siteSettingsFrom(config.extra)) });
}
