// The locations of a site's https server: /api with its JSON errors, per-route body limits and
// rate limit, the live streams, health, metrics (never through here), assets and the web UI.
import { BODY_LIMITS, DEFAULT_BODY_LIMIT, limitOf } from './limits.ts';
import type { AppName, NginxSite } from './options.ts';
import { q } from './syntax.ts';
import { commonHeaders } from './tls.ts';

/** nginx's own errors on /api, in the apps' shape (429 in the rate limiter's own shape). */
const JSON_ERRORS: Array<{ status: number; body: string }> = [
  {
    status: 413,
    body: '{"error":{"code":"PAYLOAD_TOO_LARGE","message":"Request body is too large","requestId":"$request_id"}}',
  },
  { status: 429, body: '{"error":"Rate limit exceeded","detail":"too many requests from one address"}' },
  {
    status: 502,
    body: '{"error":{"code":"BAD_GATEWAY","message":"The service is not reachable, try again shortly","requestId":"$request_id"}}',
  },
  {
    status: 503,
    body: '{"error":{"code":"SERVICE_UNAVAILABLE","message":"Service temporarily unavailable","requestId":"$request_id"}}',
  },
  {
    status: 504,
    body: '{"error":{"code":"GATEWAY_TIMEOUT","message":"The service did not answer in time","requestId":"$request_id"}}',
  },
];

/** The live streams: server-sent events (grep text/event-stream). A-Cube has none. */
export const STREAM_LOCATIONS: Record<AppName, string[]> = {
  attn: ['~ ^/api/teacher/sessions/[^/]+/live$'],
  acube: [],
};

function proxyBlock(upstream: string, indent: string): string {
  return [
    `proxy_pass http://${upstream};`,
    'proxy_http_version 1.1;',
    `proxy_set_header Connection "";`,
    'proxy_set_header Host $host;',
    // Overwritten, never appended: the app (TRUST_PROXY=<nginx's address>) takes the last hop,
    // and a client's own X-Forwarded-For never reaches it.
    'proxy_set_header X-Forwarded-For $remote_addr;',
    'proxy_set_header X-Forwarded-Proto https;',
    'proxy_set_header X-Forwarded-Host $host;',
    'proxy_set_header X-Request-Id $request_id;',
    // The apps send HSTS themselves in production; nginx sends one, on every answer.
    'proxy_hide_header Strict-Transport-Security;',
  ]
    .map((line) => `${indent}${line}\n`)
    .join('');
}

function apiLocation(
  site: NginxSite,
  name: string,
  location: string,
  extra: string[],
  bodyBytes: number,
  indent: string,
): string {
  const inner = `${indent}  `;
  return (
    `${indent}location ${location} {\n` +
    `${inner}client_max_body_size ${bodyBytes};\n` +
    `${inner}limit_req zone=${name}_api burst=${limitOf(site)} nodelay;\n` +
    JSON_ERRORS.map((e) => `${inner}error_page ${e.status} @${name}_json_${e.status};\n`).join('') +
    extra.map((line) => `${inner}${line}\n`).join('') +
    proxyBlock(name, inner) +
    commonHeaders(inner) +
    `${indent}}\n`
  );
}

/** The https server's locations, as lines of nginx.conf (`name` is the site's upstream). */
export function serverLocations(site: NginxSite, name: string): string[] {
  const i = '    ';
  const out: string[] = [];
  // nginx's own errors on /api, as JSON (the app's own error answers pass through untouched).
  for (const e of JSON_ERRORS) {
    out.push(`    location @${name}_json_${e.status} {`);
    out.push('      default_type application/json;');
    out.push(commonHeaders('      ').trimEnd());
    if (e.status === 429) out.push('      add_header Retry-After 1 always;');
    out.push(`      return ${e.status} ${q(e.body)};`);
    out.push('    }');
  }
  out.push('');
  out.push(apiLocation(site, name, '/api/', [], DEFAULT_BODY_LIMIT, i).trimEnd());
  for (const limit of BODY_LIMITS[site.app]) {
    out.push(`    # ${limit.what}`);
    out.push(apiLocation(site, name, limit.location, [], limit.bytes, i).trimEnd());
  }
  for (const stream of STREAM_LOCATIONS[site.app]) {
    out.push('    # live stream (server-sent events): no buffering, no compression, long reads');
    out.push(
      apiLocation(
        site,
        name,
        stream,
        [
          'proxy_buffering off;',
          'proxy_cache off;',
          'gzip off;',
          'proxy_read_timeout 1h;',
          'proxy_send_timeout 1h;',
        ],
        DEFAULT_BODY_LIMIT,
        i,
      ).trimEnd(),
    );
  }
  // Health through nginx: one instance's answer, as it gave it (a 503 "not ready" is not
  // retried elsewhere); an instance that cannot be reached is skipped. Monitors that want each
  // instance ask each one on its own port.
  out.push('    location /health/ {');
  out.push('      proxy_next_upstream error timeout;');
  out.push(proxyBlock(`${name}_health`, '      ').trimEnd());
  out.push(commonHeaders('      ').trimEnd());
  out.push('    }');
  // Metrics are per instance: Prometheus scrapes each instance directly, never through here.
  out.push('    location = /metrics {');
  out.push('      return 404;');
  out.push('    }');
  out.push('    location /assets/ {');
  if (site.webRoot) {
    out.push(`      root ${q(site.webRoot)};`);
    out.push('      try_files $uri =404;');
    out.push('      gzip_static on; # the build writes .gz beside each file');
    out.push('      add_header X-Content-Type-Options nosniff;');
  } else {
    out.push(proxyBlock(name, '      ').trimEnd());
    out.push('      proxy_hide_header Cache-Control;');
  }
  out.push(`      add_header Cache-Control 'public, max-age=31536000, immutable';`);
  out.push(commonHeaders('      ').trimEnd());
  out.push('    }');
  out.push('    location / {');
  out.push(proxyBlock(name, '      ').trimEnd());
  out.push('    }');
  return out;
}
