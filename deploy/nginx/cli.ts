// The command line of render.ts (`node deploy/nginx/render.ts --help`): options from a JSON file
// and flags, the rendered nginx.conf to stdout or a file, the prefix folders made.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AppName, NginxOptions } from './options.ts';
import { preparePrefix, renderNginxConfig } from './render.ts';

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

/** Runs the command; a bad option prints its message and sets exit code 2. */
export function runCli(argv: string[]): void {
  try {
    main(argv);
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 2;
  }
}

if (import.meta.main) runCli(process.argv.slice(2));
