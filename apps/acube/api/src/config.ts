// A-Cube's settings: the platform's, with A-Cube's defaults (port 3000, data under data/acube/).
// PUBLIC_URL, the address people reach the site at (links in e-mails point there), is the
// platform's `publicUrl`.
import { loadConfig } from '@campus/platform/config/load-config.ts';
import type { PlatformConfig } from '@campus/platform/config/types.ts';

export type AcubeConfig = PlatformConfig;

export function loadAcubeConfig(env: Record<string, string | undefined> = process.env): AcubeConfig {
  return loadConfig({ app: 'acube', defaultPort: 3000, env, loginIpThreshold: 20 });
}
