// Renders a complete, standalone nginx.conf for the apps behind TLS, for any number of instances.
//
// Interface (import it, or run `node deploy/nginx/render.ts --help`):
//
//   import { renderNginxConfig } from './deploy/nginx/render.ts';
//   renderNginxConfig(options: NginxOptions): string   // the whole nginx.conf
//   preparePrefix(prefix: string): void   // mkdir -p <prefix>/logs <prefix>/temp (before nginx)
//
//   interface NginxOptions {
//     prefix: string;            // absolute dir for the pid file, error log and temp dirs
//                                // (start it with `nginx -c <file> -p <prefix>`)
//     sites: NginxSite[];        // one server per site (an app under one name)
//     accessLog?: string;        // default <prefix>/logs/access.log ('off' for none)
//     errorLog?: string;         // default <prefix>/logs/error.log
//     pidFile?: string;          // default <prefix>/nginx.pid (Debian's nginx.service: /run/nginx.pid)
//     user?: string;             // the `user` directive, only when given (as root in production:
//                                // 'www-data'); without it a root master runs workers as nobody
//     foreground?: boolean;      // `daemon off;` (under a supervisor); default false
//     workerProcesses?: number | 'auto';  // default 'auto'
//     dhparam?: string;          // ffdhe2048 parameters file (make-test-ca.sh writes one); enables
//                                // the DHE suites of the Mozilla intermediate list
//   }
//   interface NginxSite {
//     app: 'attn' | 'acube';
//     serverName: string;        // e.g. 'attn.example.edu' (http redirects go to this name)
//     listen: { host: string; https: number; http: number };  // http 0: no port-80 server
//     upstreams: string[];       // the API instances, 'host:port'
//     certificate: string;       // full chain, PEM
//     certificateKey: string;    // its key, PEM
//     acmeRoot?: string;         // webroot for /.well-known/acme-challenge/ on the http port
//     webRoot?: string;          // the app's built web UI (apps/<app>/web/dist): /assets/ is
//                                // then served from disk; otherwise proxied to the app
//     limitPerMinute?: number;   // the per-client-IP first line on /api (see RATE_BUDGET)
//   }
//
// What it sets up, and why, is in deploy/README.md (nginx): least_conn upstreams with keepalive
// and passive failover, Mozilla's "intermediate" TLS, HTTP/2, HSTS on every answer, port 80 to
// https, X-Forwarded-For overwritten with the peer's address, the live stream unbuffered and
// uncompressed, body limits per upload route, nginx's own /api errors in the apps' JSON shape,
// a generous per-IP limit_req, access logs without query strings, gzip, immutable /assets/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';

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

const MiB = 1024 * 1024;
/** Room for a multipart body's boundaries, part headers and small form fields around its files. */
export const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Body limits per route, matching each app's own (nginx answers 413 only above what the app
 * would take; the app then refuses a file over its own limit with its own 413):
 * - ATTN selfie check-in: one 8 MiB photo (apps/attn/api/src/app.ts, kinds.selfie) + form fields
 * - ATTN face enrolment: MAX_PHOTOS (3) × MAX_PHOTO_BYTES (8 MiB) (modules/face/face.schemas.ts)
 * - ATTN roster CSV: ROSTER_BODY_LIMIT, 10 MiB raw text (modules/courses/roster-import.schemas.ts)
 * - A-Cube upload: 10 MiB (apps/acube/api/src/app.ts, kinds.upload) + form fields
 * - everything else: the platform's bodyLimit, 1 MiB (packages/platform/src/http/create-server.ts)
 */
export const BODY_LIMITS: Record<AppName, Array<{ location: string; bytes: number; what: string }>> = {
  attn: [
    {
      location: '= /api/student/checkins/selfie',
      bytes: 8 * MiB + MULTIPART_OVERHEAD,
      what: 'selfie check-in',
    },
    {
      location: '= /api/student/face/enrolment',
      bytes: 3 * 8 * MiB + MULTIPART_OVERHEAD,
      what: 'face enrolment',
    },
    { location: '= /api/admin/import/roster', bytes: 10 * MiB, what: 'roster CSV' },
  ],
  acube: [{ location: '~ ^/api/admin/uploads/?$', bytes: 10 * MiB + MULTIPART_OVERHEAD, what: 'upload' }],
};
export const DEFAULT_BODY_LIMIT = 1 * MiB;

/**
 * Requests per minute one client IP may make to /api before nginx answers 429 itself: never
 * stricter than the apps, whose limits are per signed-in user, so a whole NAT address must fit.
 * ATTN: a lecture hall of 1,000 students behind one address, each within the `student`
 * (30/min) and `user` (60/min) policies, plus the per-IP `ticket` (600/min) and `auth`
 * (300/min) ones: 1,000 × 90 + 900. A-Cube: an office of 50 staff behind one address, each
 * within `admin` 60 + `refresh` 60 + `upload` 10 + `export` 5 + `auth` 5, plus the per-IP
 * `public` 10 and `challenge` 20. nginx lets the whole minute's budget through at once (burst)
 * and refills it over the minute, so over any minute it allows at least what the apps do.
 */
export const RATE_BUDGET: Record<AppName, number> = {
  attn: 1000 * (30 + 60) + 600 + 300,
  acube: 50 * (60 + 60 + 10 + 5 + 5) + 10 + 20,
};

/** Mozilla's "intermediate" profile (ssl-config.mozilla.org, guideline 5.7). */
const MOZILLA_INTERMEDIATE_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'DHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-CHACHA20-POLY1305',
].join(':');

const HSTS = 'max-age=63072000; includeSubDomains';

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

const MIME_TYPES: Record<string, string> = {
  'text/html': 'html htm',
  'text/css': 'css',
  'text/javascript': 'js mjs',
  'application/json': 'json map',
  'application/manifest+json': 'webmanifest',
  'image/svg+xml': 'svg svgz',
  'image/png': 'png',
  'image/jpeg': 'jpg jpeg',
  'image/webp': 'webp',
  'image/x-icon': 'ico',
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'text/plain': 'txt',
  'application/wasm': 'wasm',
};

const GZIP_TYPES = [
  'application/json',
  'application/javascript',
  'text/javascript',
  'text/css',
  'image/svg+xml',
  'application/manifest+json',
  'text/plain',
];

/** A string nginx reads as one token: quoted when it holds anything but safe characters. */
function q(value: string): string {
  if (/^[A-Za-z0-9_./:@-]+$/.test(value)) return value;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function checkOptions(options: NginxOptions): void {
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

function hostPort(host: string, port: number): string {
  return `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/** add_header is not inherited into a location that has its own: every such location repeats these. */
function commonHeaders(indent: string): string {
  return `${indent}add_header Strict-Transport-Security ${q(HSTS)} always;\n`;
}

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

function limitOf(site: NginxSite): number {
  return site.limitPerMinute ?? RATE_BUDGET[site.app];
}

function renderSite(site: NginxSite, index: number, options: NginxOptions): string {
  const name = `${site.app}_${index}`;
  const accessLog = options.accessLog ?? join(options.prefix, 'logs', 'access.log');
  const logLine = accessLog === 'off' ? 'access_log off;' : `access_log ${q(accessLog)} campus;`;
  const out: string[] = [];

  out.push(`  # ${site.app}: ${site.serverName}, ${site.upstreams.length} instance(s)`);
  out.push(`  upstream ${name} {`);
  out.push('    least_conn;');
  for (const u of site.upstreams) out.push(`    server ${u} max_fails=3 fail_timeout=10s;`);
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
  out.push('  }');
  return out.join('\n');
}

/**
 * Makes the folders the rendered config expects under the prefix (nginx makes only the last
 * part of a temp path itself): <prefix>/logs and <prefix>/temp. The CLI does this too.
 */
export function preparePrefix(prefix: string): void {
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  mkdirSync(join(prefix, 'temp'), { recursive: true });
}

export function renderNginxConfig(options: NginxOptions): string {
  checkOptions(options);
  const p = options.prefix;
  const temp = (dir: string) => q(join(p, 'temp', dir));
  const main: string[] = [
    '# Rendered by deploy/nginx/render.ts: edit the options, not this file.',
    options.user ? `user ${options.user};` : '',
    `worker_processes ${options.workerProcesses ?? 'auto'};`,
    options.foreground ? 'daemon off;' : '',
    `pid ${q(options.pidFile ?? join(p, 'nginx.pid'))};`,
    `error_log ${q(options.errorLog ?? join(p, 'logs', 'error.log'))} warn;`,
    '',
    'events {',
    '  worker_connections 4096;',
    '}',
    '',
    'http {',
    '  types {',
    ...Object.entries(MIME_TYPES).map(([type, exts]) => `    ${type} ${exts};`),
    '  }',
    '  default_type application/octet-stream;',
    '  charset utf-8;',
    '  charset_types application/json text/css text/javascript text/plain image/svg+xml;',
    '  server_tokens off;',
    '  sendfile on;',
    '  tcp_nopush on;',
    '  keepalive_timeout 65s;',
    '',
    `  client_body_temp_path ${temp('client_body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    '',
    '  # Access log: the path ($uri) without the query string (private links carry tokens),',
    "  # no Referer (it may hold one too); $request_id matches the app log's requestId.",
    '  log_format campus \'$remote_addr [$time_iso8601] "$request_method $uri $server_protocol" \'',
    '                    \'$status $body_bytes_sent $request_time "$http_user_agent" \'',
    "                    'upstream=$upstream_addr $upstream_status $upstream_response_time id=$request_id';",
    '',
    '  # TLS: Mozilla "intermediate" (TLS 1.2 and 1.3)',
    '  ssl_protocols TLSv1.2 TLSv1.3;',
    '  ssl_ecdh_curve X25519:prime256v1:secp384r1;',
    `  ssl_ciphers ${MOZILLA_INTERMEDIATE_CIPHERS};`,
    '  ssl_prefer_server_ciphers off;',
    '  ssl_session_timeout 1d;',
    '  ssl_session_cache shared:CampusTLS:10m;',
    '  ssl_session_tickets off;',
    options.dhparam ? `  ssl_dhparam ${q(options.dhparam)};` : '',
    '',
    '  gzip on;',
    '  gzip_vary on;',
    '  gzip_proxied any;',
    '  gzip_comp_level 5;',
    '  gzip_min_length 1024;',
    `  gzip_types ${GZIP_TYPES.join(' ')};`,
    '',
    '  limit_req_status 429;',
    '  limit_req_log_level warn;',
    '  # Passive failover: a refused connection, a timeout, or an instance answering 502/503',
    '  # (draining) sends an idempotent request to the next instance; nginx never resends a',
    '  # POST/PATCH once it reached an instance. max_fails/fail_timeout on each server takes a',
    '  # dead or draining instance out of rotation for a while.',
    '  proxy_next_upstream error timeout http_502 http_503;',
    '  proxy_next_upstream_tries 3;',
    '  proxy_next_upstream_timeout 10s;',
    '  proxy_connect_timeout 3s;',
    '  proxy_read_timeout 60s;',
    '  proxy_send_timeout 60s;',
    '',
  ];
  const sites = options.sites.map((site, index) => renderSite(site, index, options));
  return `${main.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n')}\n${sites.join('\n\n')}\n}\n`;
}

const HELP = `Renders nginx.conf for the apps behind TLS.

  node deploy/nginx/render.ts --config site.json [--out nginx.conf]
  node deploy/nginx/render.ts --prefix /var/lib/campus-nginx \\
      --site attn --server-name attn.example.edu \\
      --upstream 127.0.0.1:4001 --upstream 127.0.0.1:4002 \\
      --certificate /etc/letsencrypt/live/attn.example.edu/fullchain.pem \\
      --certificate-key /etc/letsencrypt/live/attn.example.edu/privkey.pem \\
      --acme-root /var/www/acme [--https 443] [--http 80] [--listen 0.0.0.0] [--out file]

--config FILE      JSON with the NginxOptions (see the top of render.ts); flags given beside it
                   override its top-level fields (--prefix, --access-log, --user, --dhparam)
--prefix DIR       pid file, error log and temp dirs (nginx -p DIR)
--site APP         attn or acube: one site from flags (use --config for several)
--server-name, --upstream (repeat), --certificate, --certificate-key, --acme-root, --web-root,
--https PORT (443), --http PORT (80; 0 for none), --listen HOST (0.0.0.0),
--limit-per-minute N (per client IP on /api; default the app's budget, see RATE_BUDGET)
--access-log FILE, --error-log FILE, --pid-file FILE, --user NAME, --dhparam FILE, --foreground
--out FILE         write there instead of stdout
Then: nginx -t -c FILE -p DIR`;

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean' },
      config: { type: 'string' },
      out: { type: 'string' },
      prefix: { type: 'string' },
      site: { type: 'string' },
      'server-name': { type: 'string' },
      upstream: { type: 'string', multiple: true },
      certificate: { type: 'string' },
      'certificate-key': { type: 'string' },
      'acme-root': { type: 'string' },
      'web-root': { type: 'string' },
      https: { type: 'string' },
      http: { type: 'string' },
      listen: { type: 'string' },
      'limit-per-minute': { type: 'string' },
      'access-log': { type: 'string' },
      'error-log': { type: 'string' },
      'pid-file': { type: 'string' },
      user: { type: 'string' },
      dhparam: { type: 'string' },
      foreground: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const fromFile: Partial<NginxOptions> = values.config
    ? (JSON.parse(readFileSync(values.config, 'utf8')) as Partial<NginxOptions>)
    : {};
  const sites = [...(fromFile.sites ?? [])];
  if (values.site) {
    sites.push({
      app: values.site as AppName,
      serverName: values['server-name'] ?? 'localhost',
      listen: {
        host: values.listen ?? '0.0.0.0',
        https: Number(values.https ?? 443),
        http: Number(values.http ?? 80),
      },
      upstreams: values.upstream ?? [],
      certificate: values.certificate ?? '',
      certificateKey: values['certificate-key'] ?? '',
      ...(values['acme-root'] ? { acmeRoot: values['acme-root'] } : {}),
      ...(values['web-root'] ? { webRoot: values['web-root'] } : {}),
      ...(values['limit-per-minute'] ? { limitPerMinute: Number(values['limit-per-minute']) } : {}),
    });
  }
  const options: NginxOptions = {
    ...fromFile,
    prefix: values.prefix ?? fromFile.prefix ?? '',
    sites,
    ...(values['access-log'] ? { accessLog: values['access-log'] } : {}),
    ...(values['error-log'] ? { errorLog: values['error-log'] } : {}),
    ...(values['pid-file'] ? { pidFile: values['pid-file'] } : {}),
    ...(values.user ? { user: values.user } : {}),
    ...(values.dhparam ? { dhparam: values.dhparam } : {}),
    ...(values.foreground ? { foreground: true } : {}),
  };
  const text = renderNginxConfig(options);
  preparePrefix(options.prefix);
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
}

if (import.meta.main) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 2;
  }
}
