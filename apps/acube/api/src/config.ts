// A-Cube's settings: the platform's, with A-Cube's defaults (port 3000, data under data/acube/).
// PUBLIC_URL, the address people reach the site at (links in e-mails point there), is the
// platform's `publicUrl`. The public pages' own settings (time zone, urgent-help text, quick-exit
// address, privacy notice version) are `site`; see modules/site/site.settings.ts. The public
// forms' guards (BOT_CHECK*, PUBLIC_MAIL_PER_ADDRESS_PER_DAY) are `abuse`; see
// modules/abuse/abuse.settings.ts. How long closed records are kept (RETENTION_DAYS) is
// `privacy`; see modules/privacy/privacy.settings.ts. The pause between a background bulk
// operation's chunks (BULK_CHUNK_PAUSE_MS) is `bulk`; see modules/bulk/bulk.settings.ts.

import type { PlatformConfig } from '@campus/platform/config';
import { loadConfig } from '@campus/platform/config';
import { type AbuseSettings, abuseSettings, abuseSettingsFrom } from './modules/abuse/index.ts';
import { type BulkSettings, bulkSettings, bulkSettingsFrom } from './modules/bulk/index.ts';
import { type PrivacySettings, privacySettings, privacySettingsFrom } from './modules/privacy/index.ts';
import { type SiteSettings, siteSettings, siteSettingsFrom } from './modules/site/index.ts';

export type AcubeConfig = PlatformConfig & {
  readonly site: SiteSettings;
  readonly abuse: AbuseSettings;
  /** RETENTION_DAYS: how long closed records are kept after their last change (0: kept). */
  readonly privacy: PrivacySettings;
  /** BULK_CHUNK_PAUSE_MS: a pause between two chunks of a background bulk operation. */
  readonly bulk: BulkSettings;
};

export function loadAcubeConfig(env: Record<string, string | undefined> = process.env): AcubeConfig {
  const config = loadConfig({
    app: 'acube',
    defaultPort: 3000,
    env,
    loginIpThreshold: 20,
    extra: { ...siteSettings, ...abuseSettings, ...privacySettings, ...bulkSettings },
  });
  return Object.freeze({
    ...config,
    site: Object.freeze(siteSettingsFrom(config.extra)),
    abuse: Object.freeze(abuseSettingsFrom(config.extra)),
    privacy: Object.freeze(privacySettingsFrom(config.extra)),
    bulk: Object.freeze(bulkSettingsFrom(config.extra)),
  });
}
