// One site: its upstreams, its rate-limit zone, the port-80 server (ACME challenges and the
// redirect to https) and the https server.
import { join } from 'node:path';
import { DEFAULT_BODY_LIMIT, limitOf } from './limits.ts';
import { serverLocations } from './locations.ts';
import type { NginxOptions, NginxSite } from './options.ts';
import { hostPort, q } from './syntax.ts';
import { commonHeaders } from './tls.ts';

export function renderSite(site: NginxSite, index: number, options: NginxOptions): string {
  const name = `${site.app}_${index}`;
  const accessLog = options.accessLog ?? join(options.prefix, 'logs', 'access.log');
  const logLine = accessLog === 'off' ? 'access_log off;' : `access_log ${q(accessLog)} campus;`;
  const out: string[] = [];

  out.push(`  # ${site.app}: ${site.serverName}, ${site.upstreams.length} instance(s)`);
  out.push(`  upstream ${name} {`);
  out.push('    least_conn;');
  // An instance that failed 3 times is left out for 3 s, then tried again. Kept short because the
  // apps' 503 while the database is unreachable counts as a failure too (it is also how a
  // draining instance sends a GET on to the next one): after an outage every instance is back
  // in the group at most 3 s after its last 503.
  for (const u of site.upstreams) out.push(`    server ${u} max_fails=3 fail_timeout=3s;`);
  // Idle connections kept open to the instances; closed by nginx (60 s) before Node would (72 s).
  out.push('    keepalive 32;');
  out.push('    keepalive_requests 10000;');
  out.push('    keepalive_timeout 60s;');
  out.push('  }');
  // The same instances for /health/, with no failure accounting of its own: a readiness 503
  // (database down, draining) is passed on as it is, and never takes instances out of the
  // group above (with every instance out, nginx would answer 502 instead of the apps' 503).
  out.push(`  upstream ${name}_health {`);
  out.push('    least_conn;');
  for (const u of site.upstreams) out.push(`    server ${u} max_fails=0;`);
  out.push('    keepalive 4;');
  out.push('  }');
  out.push(
    `  limit_req_zone $binary_remote_addr zone=${name}_api:10m rate=${Math.ceil(limitOf(site) / 60)}r/s;`,
  );
  out.push('');

  if (site.listen.http > 0) {
    const port = site.listen.https === 443 ? '' : `:${site.listen.https}`;
    out.push('  server {');
    out.push(`    listen ${hostPort(site.listen.host, site.listen.http)};`);
    out.push(`    server_name ${site.serverName};`);
    out.push(`    ${logLine}`);
    if (site.acmeRoot) {
      out.push('    # ACME http-01 challenges (certbot/lego --webroot) answered from disk, never redirected');
      out.push('    location ^~ /.well-known/acme-challenge/ {');
      out.push(`      root ${q(site.acmeRoot)};`);
      out.push('      default_type text/plain;');
      out.push('      try_files $uri =404;');
      out.push('    }');
    }
    // To the configured name (not the client's Host), keeping the path and the query.
    out.push('    location / {');
    out.push(`      return 301 https://${site.serverName}${port}$request_uri;`);
    out.push('    }');
    out.push('  }');
    out.push('');
  }

  const i = '    ';
  out.push('  server {');
  out.push(`    listen ${hostPort(site.listen.host, site.listen.https)} ssl http2;`);
  out.push(`    server_name ${site.serverName};`);
  out.push(`    ssl_certificate ${q(site.certificate)};`);
  out.push(`    ssl_certificate_key ${q(site.certificateKey)};`);
  out.push(`    ${logLine}`);
  out.push(`    client_max_body_size ${DEFAULT_BODY_LIMIT};`);
  out.push(commonHeaders(i).trimEnd());
  out.push('');
  out.push(...serverLocations(site, name));
  out.push('  }');
  return out.join('\n');
}
