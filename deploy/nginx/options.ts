// The options renderNginxConfig takes (documented at the top of render.ts), and their checks.
import { isAbsolute } from 'node:path';

export type AppName = 'attn' | 'acube';

export interface NginxSite {
  app: AppName;
  serverName: string;
  listen: { host: string; https: number; http: number };
  upstreams: string[];
  certificate: string;
  certificateKey: string;
  acmeRoot?: string;
  webRoot?: string;
  limitPerMinute?: number;
}

export interface NginxOptions {
  prefix: string;
  sites: NginxSite[];
  accessLog?: string;
  errorLog?: string;
  pidFile?: string;
  user?: string;
  foreground?: boolean;
  workerProcesses?: number | 'auto';
  dhparam?: string;
}

/** Throws one error listing every problem, before anything is rendered. */
export function checkOptions(options: NginxOptions): void {
  const problems: string[] = [];
  if (!isAbsolute(options.prefix)) problems.push('prefix must be an absolute path');
  if (options.sites.length === 0) problems.push('at least one site is needed');
  options.sites.forEach((site, i) => {
    const at = `sites[${i}]`;
    if (site.app !== 'attn' && site.app !== 'acube') problems.push(`${at}.app must be attn or acube`);
    if (!/^[A-Za-z0-9.*-]+$/.test(site.serverName)) problems.push(`${at}.serverName is not a host name`);
    if (!/^[A-Za-z0-9.:[\]]+$/.test(site.listen.host)) problems.push(`${at}.listen.host is not an address`);
    for (const key of ['https', 'http'] as const) {
      const port = site.listen[key];
      if (!Number.isInteger(port) || port < 0 || port > 65535 || (key === 'https' && port === 0))
        problems.push(`${at}.listen.${key} is not a port`);
    }
    if (site.upstreams.length === 0) problems.push(`${at}.upstreams is empty`);
    for (const u of site.upstreams)
      if (!/^[A-Za-z0-9.[\]:-]+:\d{1,5}$/.test(u)) problems.push(`${at}.upstreams: ${u} is not host:port`);
    for (const key of ['certificate', 'certificateKey', 'acmeRoot', 'webRoot'] as const) {
      const path = site[key];
      if (path !== undefined && !isAbsolute(path)) problems.push(`${at}.${key} must be an absolute path`);
    }
    if (
      site.limitPerMinute !== undefined &&
      !(Number.isInteger(site.limitPerMinute) && site.limitPerMinute >= 60)
    )
      problems.push(`${at}.limitPerMinute must be an integer of at least 60`);
  });
  if (problems.length > 0) throw new Error(`nginx options: ${problems.join('; ')}`);
}
