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
//
// The parts: options.ts (types and checks), limits.ts (body sizes and rate budgets), tls.ts,
// site.ts (upstreams and servers), locations.ts (the https server's locations), syntax.ts;
// the command line is cli.ts, which this file runs when started itself.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkOptions, type NginxOptions } from './options.ts';
import { renderSite } from './site.ts';
import { q } from './syntax.ts';
import { tlsSettings } from './tls.ts';

export { BODY_LIMITS, DEFAULT_BODY_LIMIT, MULTIPART_OVERHEAD, RATE_BUDGET } from './limits.ts';
export { STREAM_LOCATIONS } from './locations.ts';
export type { AppName, NginxOptions, NginxSite } from './options.ts';

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
    ...tlsSettings(options.dhparam),
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

// `node deploy/nginx/render.ts` runs the command line (cli.ts imports this file, so it is loaded
// after this one has finished, not awaited here).
if (import.meta.main) void import('./cli.ts').then(({ runCli }) => runCli(process.argv.slice(2)));
