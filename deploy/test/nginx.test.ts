// nginx in front of one instance of each app, with the configuration deploy/nginx/render.ts
// writes and a certificate from deploy/tls/make-test-ca.sh: the TLS profile, HTTP/2, the
// redirect to https and the ACME path, HSTS on every answer, the client address the app sees,
// body limits, nginx's own errors in the apps' JSON shape, the live stream unbuffered and
// uncompressed, gzip and immutable assets, and an access log without query strings.
//   node --test deploy/test/nginx.test.ts   (needs nginx and openssl: deploy/services/ensure-packages.sh)
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { BODY_LIMITS, MULTIPART_OVERHEAD, preparePrefix, renderNginxConfig } from '../nginx/render.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const dir = join(tmpdir(), `nginx-test-${process.pid}`);
const SELFIE_LIMIT = 8 * 1024 * 1024; // apps/attn/api/src/app.ts, kinds.selfie.maxBytes

interface App {
  name: 'attn' | 'acube';
  port: number;
  child: ChildProcess;
  log: string[];
}
const apps: Partial<Record<'attn' | 'acube', App>> = {};
let nginx: ChildProcess | undefined;
let nginxErr = '';
let ca = '';
let httpsPort = 0;
let httpPort = 0;
/** Every answer over https, to check HSTS on each at the end. */
const answers: Array<{ what: string; headers: http.IncomingHttpHeaders }> = [];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = net.createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => done(port));
    });
  });
}

function startApp(name: 'attn' | 'acube', port: number): App {
  const dataDir = join(dir, name);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, [join(root, `apps/${name}/api/src/cli.ts`), 'serve'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      TRUST_PROXY: '127.0.0.1',
      PUBLIC_URL: `https://${name}.localhost:${httpsPort}`,
      LOG_FILE: 'off',
      LOG_LEVEL: 'info',
      ROLE: 'api',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const app: App = { name, port, child, log: [] };
  let rest = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    app.log.push(...lines);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => app.log.push(chunk));
  return app;
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function plainGet(port: number, path: string, host = 'localhost'): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Call {
  site?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  localAddress?: string;
}

/** One HTTPS/1.1 request to nginx for a site (SNI and Host), trusting only the test CA. */
function call(path: string, opts: Call = {}): Promise<Answer> {
  const site = opts.site ?? 'attn.localhost';
  return new Promise((done, fail) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: httpsPort,
        servername: site,
        ca,
        path,
        method: opts.method ?? 'GET',
        headers: { host: `${site}:${httpsPort}`, ...opts.headers },
        agent: false,
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          answers.push({
            what: `${opts.method ?? 'GET'} ${site}${path} ${res.statusCode}`,
            headers: res.headers,
          });
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

const json = (answer: Answer) => JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;

function cookiesOf(answer: Answer): string {
  return (answer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
}

async function login(schoolNumber: string, password: string): Promise<string> {
  const answer = await call('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ school_number: schoolNumber, password }),
  });
  assert.equal(answer.status, 200, answer.body.toString());
  return cookiesOf(answer);
}

/** The app's JSON error shape: `{ error: { code, message, requestId } }`. */
function assertErrorShape(answer: Answer, status: number, code: string) {
  assert.equal(answer.status, status);
  assert.match(String(answer.headers['content-type']), /^application\/json/);
  const body = json(answer) as { error: { code: string; message: string; requestId: string } };
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.match(body.error.requestId, /^[0-9a-f]{32}$/);
  return body;
}

function multipart(fields: Record<string, string>, file: { name: string; bytes: number }) {
  const boundary = `----nginx-test-${process.pid}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="${file.name}"; filename="selfie.jpg"\r\n` +
        'content-type: image/jpeg\r\n\r\n',
    ),
    Buffer.alloc(file.bytes, 0x41),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

async function openssl(args: string[]): Promise<{ code: number; out: string }> {
  const child = spawn('openssl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end();
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
  clearTimeout(timer);
  return { code, out };
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(timer);
}

before(async () => {
  await run('bash', [join(root, 'deploy/services/ensure-packages.sh'), 'nginx', 'openssl']);
  mkdirSync(dir, { recursive: true });
  [httpsPort, httpPort] = [await freePort(), await freePort()];
  const [attnPort, acubePort, deadPort] = [await freePort(), await freePort(), await freePort()];
  apps.attn = startApp('attn', attnPort);
  apps.acube = startApp('acube', acubePort);

  const { stdout } = await run('bash', [
    join(root, 'deploy/tls/make-test-ca.sh'),
    join(dir, 'tls'),
    'attn.localhost',
    'acube.localhost',
    'down.localhost',
  ]);
  const paths = Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((l) => l.split('=') as [string, string]),
  );
  ca = readFileSync(paths.CA_CERT as string, 'utf8');
  const acmeRoot = join(dir, 'acme');
  mkdirSync(join(acmeRoot, '.well-known/acme-challenge'), { recursive: true });
  writeFileSync(join(acmeRoot, '.well-known/acme-challenge/token-123'), 'token-123.key-auth');

  const prefix = join(dir, 'nginx');
  const listen = { host: '127.0.0.1', https: httpsPort, http: httpPort };
  const tls = { certificate: paths.SERVER_CERT as string, certificateKey: paths.SERVER_KEY as string };
  const attnDist = join(root, 'apps/attn/web/dist');
  const conf = renderNginxConfig({
    prefix,
    foreground: true,
    dhparam: paths.DHPARAM as string,
    sites: [
      {
        app: 'attn',
        serverName: 'attn.localhost',
        listen,
        upstreams: [`127.0.0.1:${attnPort}`],
        acmeRoot,
        ...(existsSync(attnDist) ? { webRoot: attnDist } : {}),
        ...tls,
      },
      { app: 'acube', serverName: 'acube.localhost', listen, upstreams: [`127.0.0.1:${acubePort}`], ...tls },
      // Nothing listens there: nginx's own 502; and a tight first-line limit to see its 429.
      {
        app: 'acube',
        serverName: 'down.localhost',
        listen,
        upstreams: [`127.0.0.1:${deadPort}`],
        limitPerMinute: 60,
        ...tls,
      },
    ],
  });
  preparePrefix(prefix);
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, conf);
  const check = await run('nginx', ['-t', '-c', confFile, '-p', prefix]).catch((err: { stderr: string }) => {
    throw new Error(`nginx -t failed:\n${err.stderr}`);
  });
  assert.match(check.stderr, /test is successful/);
  nginx = spawn('nginx', ['-c', confFile, '-p', prefix], { stdio: ['ignore', 'ignore', 'pipe'] });
  nginx.stderr?.setEncoding('utf8').on('data', (c: string) => {
    nginxErr += c;
  });

  for (const app of [apps.attn, apps.acube]) {
    await until(`${app?.name} ready`, 150_000, async () => {
      if (app?.child.exitCode !== null) throw new Error(`${app?.name} exited:\n${app?.log.join('\n')}`);
      const answer = await plainGet(app.port, '/health/ready');
      return answer.status === 200 ? true : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}\n${app?.log.slice(-20).join('\n')}`);
    });
  }
  await until('nginx', 10_000, async () =>
    (await plainGet(httpPort, '/')).status === 301 ? true : undefined,
  );
});

after(async () => {
  await stop(nginx);
  await Promise.all([stop(apps.attn?.child), stop(apps.acube?.child)]);
  rmSync(dir, { recursive: true, force: true });
});

test('TLS 1.2 and 1.3 connect with the test CA; TLS 1.1 is refused even to a client offering it', async () => {
  for (const version of ['-tls1_2', '-tls1_3']) {
    const { code, out } = await openssl([
      's_client',
      '-connect',
      `127.0.0.1:${httpsPort}`,
      '-servername',
      'attn.localhost',
      version,
      '-CAfile',
      join(dir, 'tls/ca.crt'),
      '-verify_return_error',
    ]);
    assert.equal(code, 0, out);
    assert.match(
      out,
      version === '-tls1_2' ? /New, TLSv1\.2, Cipher is ECDHE-/ : /New, TLSv1\.3, Cipher is TLS_/,
    );
    assert.match(out, /Verify return code: 0 \(ok\)/);
  }
  const old = await openssl([
    's_client',
    '-connect',
    `127.0.0.1:${httpsPort}`,
    '-servername',
    'attn.localhost',
    '-tls1_1',
    '-cipher',
    'DEFAULT:@SECLEVEL=0',
  ]);
  assert.notEqual(old.code, 0, old.out);
  // The server's refusal (a protocol_version alert), not the client declining to offer TLS 1.1.
  assert.match(old.out, /alert protocol version/i, old.out);
  assert.doesNotMatch(old.out, /Cipher is (?!\(NONE\))/);
});

test('HTTP/2 is negotiated (ALPN h2) and its answers carry HSTS', async () => {
  const session = http2.connect(`https://127.0.0.1:${httpsPort}`, { ca, servername: 'attn.localhost' });
  try {
    await new Promise<void>((done, fail) => {
      session.once('connect', () => done());
      session.once('error', fail);
    });
    assert.equal(session.alpnProtocol, 'h2');
    const headers = await new Promise<http2.IncomingHttpHeaders>((done, fail) => {
      const stream = session.request({
        ':path': '/health/live',
        ':authority': `attn.localhost:${httpsPort}`,
      });
      stream.on('response', (h) => {
        stream.resume();
        stream.on('end', () => done(h));
      });
      stream.on('error', fail);
      stream.end();
    });
    assert.equal(headers[':status'], 200);
    assert.match(String(headers['strict-transport-security']), /max-age=63072000/);
  } finally {
    session.close();
  }
});

test('plain HTTP: 301 to https keeping path and query; the ACME challenge path is served, not redirected', async () => {
  const redirect = await plainGet(httpPort, '/c/some/path?x=1&y=two', 'attn.localhost');
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.location, `https://attn.localhost:${httpsPort}/c/some/path?x=1&y=two`);
  const acube = await plainGet(httpPort, '/api/site', 'acube.localhost');
  assert.equal(acube.headers.location, `https://acube.localhost:${httpsPort}/api/site`);
  const token = await plainGet(httpPort, '/.well-known/acme-challenge/token-123', 'attn.localhost');
  assert.equal(token.status, 200);
  assert.equal(token.body.toString(), 'token-123.key-auth');
  const missing = await plainGet(httpPort, '/.well-known/acme-challenge/nope', 'attn.localhost');
  assert.equal(missing.status, 404);
});

test('the app sees the client (127.0.0.2), not the X-Forwarded-For it sent', async () => {
  const log = apps.attn?.log ?? [];
  const from = log.length;
  // A failed login is logged with the client IP the app derived (TRUST_PROXY=127.0.0.1).
  const answer = await call('/api/auth/login', {
    method: 'POST',
    localAddress: '127.0.0.2',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6' },
    body: JSON.stringify({ school_number: 'S2019', password: 'not-the-password' }),
  });
  assertErrorShape(answer, 401, 'UNAUTHENTICATED');
  const requestId = (json(answer) as { error: { requestId: string } }).error.requestId;
  const failed = await until('the login.failed log line', 5_000, async () =>
    log
      .slice(from)
      .map((line) => (line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : {}))
      .find((entry) => entry.event === 'login.failed'),
  );
  assert.equal(failed.ip, '127.0.0.2');
  const incoming = log
    .slice(from)
    .find((line) => line.includes(requestId) && line.includes('incoming request'));
  assert.ok(incoming, 'the request is logged with the id nginx gave it');
  assert.equal((JSON.parse(incoming) as { req: { remoteAddress: string } }).req.remoteAddress, '127.0.0.2');
  assert.ok(
    !log.slice(from).some((line) => line.includes('6.6.6.6')),
    'the client header never reaches the app',
  );
});

test('selfie: at the app limit it reaches the app; one byte over is the app’s 413; past nginx’s limit, nginx’s own 413 in the JSON shape', async () => {
  const teacher = await login('T1001', 'demo-teacher-pass');
  const courses = json(await call('/api/teacher/courses', { headers: { cookie: teacher } })) as {
    items: Array<{ id: string; code: string }>;
  };
  const course = courses.items.find((c) => c.code === 'CENG 101') ?? courses.items[0];
  assert.ok(course);
  const opened = await call(`/api/teacher/courses/${course.id}/sessions`, {
    method: 'POST',
    headers: { cookie: teacher, 'content-type': 'application/json' },
    body: JSON.stringify({ duration_minutes: 30 }),
  });
  assert.equal(opened.status, 201, opened.body.toString());
  const sessionId = (json(opened) as { id: string }).id;
  const student = await login('S2001', 'demo-student-pass');
  const fields = { session_id: sessionId, code: '000000', device_id: 'nginx-test-device' };
  const send = (bytes: number) => {
    const form = multipart(fields, { name: 'selfie', bytes });
    return call('/api/student/checkins/selfie', {
      method: 'POST',
      headers: { cookie: student, 'content-type': form.type },
      body: form.body,
    });
  };
  const atLimit = await send(SELFIE_LIMIT);
  // Read whole by the app, which then judges the code (wrong on purpose: nothing is stored).
  assertErrorShape(atLimit, 422, 'UNPROCESSABLE');
  const over = await send(SELFIE_LIMIT + 1);
  const body = assertErrorShape(over, 413, 'PAYLOAD_TOO_LARGE');
  assert.match(body.error.message, /selfie is larger than 8 MB/);
  const selfieLimit = BODY_LIMITS.attn.find((l) => l.what === 'selfie check-in')?.bytes ?? 0;
  assert.equal(selfieLimit, SELFIE_LIMIT + MULTIPART_OVERHEAD);
  const past = await send(selfieLimit + 1);
  const nginxAnswer = assertErrorShape(past, 413, 'PAYLOAD_TOO_LARGE');
  assert.equal(nginxAnswer.error.message, 'Request body is too large');
  assert.equal(past.headers['x-request-id'], undefined, 'answered by nginx, not the app');
  // Elsewhere on /api the platform's 1 MiB body limit.
  const big = await call('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: Buffer.alloc(1024 * 1024 + 1, 0x20),
  });
  assertErrorShape(big, 413, 'PAYLOAD_TOO_LARGE');
});

test('an instance down: nginx’s 502 in the JSON error shape; its first-line 429 in the rate limiter’s shape', async () => {
  assertErrorShape(await call('/api/site', { site: 'down.localhost' }), 502, 'BAD_GATEWAY');
  // 60 a minute: the burst lets 60 through at once; of 80 together, some get nginx's 429.
  const all = await Promise.all(
    Array.from({ length: 80 }, () => call('/api/site', { site: 'down.localhost' })),
  );
  const limited = all.filter((a) => a.status === 429);
  assert.ok(limited.length >= 15, `429s: ${limited.length}`);
  assert.deepEqual(Object.keys(json(limited[0] as Answer)), ['error', 'detail']);
  assert.equal(json(limited[0] as Answer).error, 'Rate limit exceeded');
  assert.equal((limited[0] as Answer).headers['retry-after'], '1');
  // The real apps' sites allow a lecture hall behind one address: far from that here.
  assert.equal((await call('/health/live')).status, 200);
});

test('the live stream: not compressed even when asked, and events arrive as they happen', async () => {
  const teacher = await login('T1001', 'demo-teacher-pass');
  const courses = json(await call('/api/teacher/courses', { headers: { cookie: teacher } })) as {
    items: Array<{ id: string; code: string; open_session: { id: string } | null }>;
  };
  const course = courses.items.find((c) => c.code === 'MATH 201') ?? courses.items[1];
  assert.ok(course);
  let sessionId = course.open_session?.id;
  if (!sessionId) {
    const opened = await call(`/api/teacher/courses/${course.id}/sessions`, {
      method: 'POST',
      headers: { cookie: teacher, 'content-type': 'application/json' },
      body: JSON.stringify({ duration_minutes: 30 }),
    });
    assert.equal(opened.status, 201, opened.body.toString());
    sessionId = (json(opened) as { id: string }).id;
  }

  let text = '';
  let waiter: (() => void) | undefined;
  const req = https.request({
    host: '127.0.0.1',
    port: httpsPort,
    servername: 'attn.localhost',
    ca,
    path: `/api/teacher/sessions/${sessionId}/live`,
    headers: {
      host: `attn.localhost:${httpsPort}`,
      cookie: teacher,
      accept: 'text/event-stream',
      'accept-encoding': 'gzip, deflate, br',
    },
    agent: false,
  });
  const response = await new Promise<http.IncomingMessage>((done, fail) => {
    req.on('response', done);
    req.on('error', fail);
    req.end();
  });
  try {
    answers.push({ what: 'live stream', headers: response.headers });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/event-stream/);
    assert.equal(response.headers['content-encoding'], undefined);
    response.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      waiter?.();
    });
    const arrives = (pattern: RegExp, ms: number) =>
      new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ${pattern} within ${ms} ms; got: ${text}`)), ms);
        waiter = () => {
          if (pattern.test(text)) {
            clearTimeout(timer);
            done();
          }
        };
        waiter();
      });
    // The snapshot is a few hundred bytes: buffered or gzipped, it would wait for more.
    await arrives(/event: snapshot\n/, 5_000);
    const code = (
      json(await call(`/api/teacher/sessions/${sessionId}/code`, { headers: { cookie: teacher } })) as {
        code: string;
      }
    ).code;
    const student = await login('S2002', 'demo-student-pass');
    const sentAt = Date.now();
    const checkin = await call('/api/student/checkins', {
      method: 'POST',
      headers: { cookie: student, 'content-type': 'application/json' },
      body: JSON.stringify({ session_id: sessionId, code, device_id: 'nginx-test-device-2' }),
    });
    assert.equal(checkin.status, 201, checkin.body.toString());
    await arrives(/event: checkin\n/, 5_000);
    console.log(`check-in to the teacher's stream through nginx: ${Date.now() - sentAt} ms`);
  } finally {
    req.destroy();
    response.destroy();
  }

  // gzip itself is on: a large JSON answer is compressed.
  const docs = await call('/docs/json', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(docs.status, 200);
  assert.equal(docs.headers['content-encoding'], 'gzip');
  assert.ok(JSON.parse(gunzipSync(docs.body).toString('utf8')).openapi);
});

test('hashed assets: immutable for a year, gzip, HSTS', async (t) => {
  const dist = join(root, 'apps/attn/web/dist/assets');
  const file = existsSync(dist) ? readdirSync(dist).find((f) => f.endsWith('.js')) : undefined;
  if (!file) {
    t.skip('no built web UI (npm run build:web)');
    return;
  }
  const answer = await call(`/assets/${file}`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(answer.headers['content-encoding'], 'gzip');
  assert.match(String(answer.headers['content-type']), /javascript/);
  const missing = await call('/assets/no-such-file.js');
  assert.equal(missing.status, 404);
});

test('every https answer carried HSTS; server_tokens off', () => {
  assert.ok(answers.length > 10);
  for (const { what, headers } of answers) {
    assert.equal(headers['strict-transport-security'], 'max-age=63072000; includeSubDomains', what);
    if (headers.server) assert.equal(headers.server, 'nginx', what);
  }
});

test('the access log has paths without query strings', async () => {
  await call('/api/nope?token=secret-in-the-query', { site: 'acube.localhost' });
  await plainGet(httpPort, '/r?token=another-secret', 'attn.localhost');
  const file = join(dir, 'nginx/logs/access.log');
  const lines = await until('the access log line', 5_000, async () => {
    const all = readFileSync(file, 'utf8').trim().split('\n');
    return all.some((l) => l.includes('"GET /r ')) && all.some((l) => l.includes('"GET /api/nope '))
      ? all
      : undefined;
  });
  assert.ok(lines.length > 10);
  for (const line of lines) {
    assert.doesNotMatch(line, /\?|secret/, line);
  }
  assert.ok(
    lines.some((l) => l.startsWith('127.0.0.2 ')),
    'the client address is logged',
  );
  assert.equal(nginxErr, '');
});

test('the rendered configuration: stream, health and upstream directives; bad options refused', () => {
  const site = {
    app: 'attn' as const,
    serverName: 'attn.example.edu',
    listen: { host: '0.0.0.0', https: 443, http: 80 },
    upstreams: ['10.0.0.1:3001', '10.0.0.2:3001', '10.0.0.3:3001'],
    certificate: '/etc/ssl/a.crt',
    certificateKey: '/etc/ssl/a.key',
  };
  const conf = renderNginxConfig({ prefix: '/var/lib/campus-nginx', user: 'www-data', sites: [site] });
  const block = (start: string) => {
    const at = conf.indexOf(start);
    assert.ok(at >= 0, start);
    return conf.slice(at, conf.indexOf('\n    }', at));
  };
  // The app also sends X-Accel-Buffering: no, so the running test cannot tell; the config must
  // not depend on it.
  const stream = block('location ~ ^/api/teacher/sessions/[^/]+/live$ {');
  for (const directive of ['proxy_buffering off;', 'gzip off;', 'proxy_read_timeout 1h;'])
    assert.ok(stream.includes(directive), directive);
  assert.match(block('location /health/ {'), /proxy_pass http:\/\/attn_0_health;/);
  assert.match(
    conf,
    /upstream attn_0 \{\n {4}least_conn;\n( {4}server 10\.0\.0\.\d:3001 max_fails=3 fail_timeout=3s;\n){3} {4}keepalive 32;/,
  );
  assert.match(conf, /^user www-data;$/m);
  assert.match(conf, /return 301 https:\/\/attn\.example\.edu\$request_uri;/);
  assert.doesNotMatch(conf, /\$request[^_]|\$request_uri[^;]|\$http_referer|\$args|\$query_string/);
  assert.doesNotMatch(renderNginxConfig({ prefix: '/p', sites: [site] }), /^user /m);
  assert.throws(
    () => renderNginxConfig({ prefix: 'relative', sites: [] }),
    /prefix must be an absolute path/,
  );
  assert.throws(
    () => renderNginxConfig({ prefix: '/p', sites: [{ ...site, upstreams: ['nohost'] }] }),
    /nohost is not host:port/,
  );
});
