// A-Cube's settings: the platform's, with A-Cube's defaults (port 3000, data under data/acube/),
// and PUBLIC_URL, the address people reach the site at (links in e-mails point there).
import { loadConfig } from '@campus/platform/config/load-config.ts';
import { url } from '@campus/platform/config/settings.ts';
import type { PlatformConfig } from '@campus/platform/config/types.ts';

const extra = { PUBLIC_URL: url(['http:', 'https:']) };

export type AcubeConfig = PlatformConfig & { readonly publicUrl: string };

export function loadAcubeConfig(env: Record<string, string | undefined> = process.env): AcubeConfig {
  const config = loadConfig({ app: 'acube', defaultPort: 3000, env, loginIpThreshold: 20, extra });
  const publicUrl = (config.extra.PUBLIC_URL ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  return Object.freeze({ ...config, publicUrl });
}
