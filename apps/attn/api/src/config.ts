// ATTN's settings: the platform's, with ATTN's defaults (port 3001, data under data/attn/).
import { loadConfig } from '@campus/platform/config/load-config.ts';
import type { PlatformConfig } from '@campus/platform/config/types.ts';

export type AttnConfig = PlatformConfig;

export function loadAttnConfig(env: Record<string, string | undefined> = process.env): AttnConfig {
  // A lecture hall behind one NAT address makes its usual typos: 500 students, a few percent
  // of them twice, stay well under 200 failures.
  return loadConfig({ app: 'attn', defaultPort: 3001, env, loginIpThreshold: 200 });
}
