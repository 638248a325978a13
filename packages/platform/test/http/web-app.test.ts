// The built web UI served from the API's port: client-side routes answer index.html, hashed
// assets are cached for good and precompressed, and the API's own paths keep their JSON
// answers. The build is a fixture folder, not a real Vite build.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Type } from 'typebox';
import type { Server } from '../../src/http/create-server.ts';
import { createServer } from '../../src/http/create-server.ts';
import { webAppPlugin } from '../../src/http/web-app.ts';
import { captureLogger, createTestApp } from '../../src/testing/test-app.ts';
import { testConfig } from '../../src/testing/test-config.ts';
import { authAppSpec } from '../fixtures/auth-app/spec.ts';

const webRoot = fileURLToPath(new URL('./fixtures/built-site', import.meta.url));
const dist = (file: string) => readFileSync(`${webRoot}/dist/${file}`);
const indexHtml = dist('index.html').toString();
const ASSET = '/assets/index-Ab12Cd34.js';
const open = { rateLimit: 'unlimited', access: 'public' } as const;

async function webServer(root = webRoot, env: Record<string, string> = {}) {
  const { logger, logs } = captureLogger();
  const app = await createServer({
    config: testConfig(env),
    logger,
    openapi: { title: 'Web test', version: '1.0.0' },
  });
  app.post(
    '/api/things',
    { config: open, schema: { response: { 201: Type.Object({ ok: Type.Boolean() }) } } },
    async (_request, reply) => reply.code(201).send({ ok: true }),
  );
  app.get('/api/things/:id', { config: open }, async () => ({ ok: true }));
  await app.register(webAppPlugin, { root });
  await app.ready();
  return { app, logs };
}

/** A GET sent byte for byte as written (no client resolves its dot segments first). */
async function rawGet(port: number, path: string) {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  let response = '';
  for await (const chunk of socket) response += chunk;
  const [head = '', ...rest] = response.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') };
}

function assertIndex(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.equal(res.headers['cache-control'], 'no-cache');
  assert.equal(res.body, indexHtml);
}

describe('an app with a built web UI', () => {
  let app: Server;
  before(async () => {
    ({ app } = await webServer());
  });
  after(() => app.close());

  test('the root and client-side routes answer index.html, revalidated on each load', async () => {
    for (const url of [
      '/',
      '/c/5f0c7a1e-3b4d-4e8f-9a6b-1c2d3e4f5a6b',
      '/teacher/x/y',
      '/teacher/',
      '/c/x?y=1',
    ]) {
      assertIndex(await app.inject({ url }));
    }
  });

  test('index.html is under the strict CSP, with no inline script allowed', async () => {
    const res = await app.inject({ url: '/' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  test('on a plain-http address the browser is not told to fetch the scripts over https', async () => {
    // A laptop on the classroom network: phones open http://<its address>:3001/c/...
    const res = await app.inject({ url: '/c/x' });
    assert.doesNotMatch(String(res.headers['content-security-policy']), /upgrade-insecure-requests/);
  });

  test('a hashed asset is cached for a year as immutable', async () => {
    const res = await app.inject({ url: ASSET });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.deepEqual(res.rawPayload, dist('assets/index-Ab12Cd34.js'));
  });

  test('a browser that accepts brotli gets the .br sibling, marked so and varying on encoding', async () => {
    const res = await app.inject({ url: ASSET, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.match(String(res.headers.vary), /accept-encoding/i);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.deepEqual(res.rawPayload, dist('assets/index-Ab12Cd34.js.br'));
  });

  test('a browser that accepts only gzip gets the .gz sibling', async () => {
    const res = await app.inject({ url: ASSET, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.deepEqual(res.rawPayload, dist('assets/index-Ab12Cd34.js.gz'));
  });

  test('a file without a compressed sibling is sent as it is', async () => {
    const res = await app.inject({ url: '/assets/index-Ef56Gh78.css', headers: { 'accept-encoding': 'br' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.match(String(res.headers['content-type']), /text\/css/);
  });

  test('other files at the top of the build are revalidated on each load', async () => {
    const res = await app.inject({ url: '/favicon.svg' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(String(res.headers['content-type']), /image\/svg\+xml/);
  });

  test('HEAD answers like GET without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/teacher/x' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.equal(res.body, '');
  });

  test('a missing hashed asset is a 404, not index.html', async () => {
    const res = await app.inject({ url: '/assets/index-Old00000.js' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });

  test('an unknown API path keeps the JSON 404 error shape', async () => {
    for (const url of ['/api/nope', '/api', '/api/things/1/more']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'NOT_FOUND');
      assert.equal(typeof res.json().error.requestId, 'string');
    }
  });

  test('a wrong method on an API path is still 405 with Allow', async () => {
    const res = await app.inject({ url: '/api/things' });
    assert.equal(res.statusCode, 405);
    assert.equal(res.headers.allow, 'POST');
    assert.equal(res.json().error.code, 'METHOD_NOT_ALLOWED');
  });

  test('API routes still answer', async () => {
    assert.equal((await app.inject({ method: 'POST', url: '/api/things' })).statusCode, 201);
    assert.deepEqual((await app.inject({ url: '/api/things/1' })).json(), { ok: true });
  });

  test('a write to a path that is no route is a JSON 404, not index.html', async () => {
    const res = await app.inject({ method: 'POST', url: '/whatever', payload: {} });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });

  test('the platform paths keep their own answers', async () => {
    const live = await app.inject({ url: '/health/live' });
    assert.equal(live.statusCode, 200);
    assert.match(String(live.headers['content-type']), /json/);
    const docs = await app.inject({ url: '/docs' });
    assert.ok(docs.statusCode === 200 || docs.statusCode === 302, String(docs.statusCode));
    assert.notEqual(docs.body, indexHtml);
    const openapi = await app.inject({ url: '/openapi.json' });
    assert.equal(openapi.json().openapi, '3.1.0');
    assert.equal(
      Object.keys(openapi.json().paths).includes('/*'),
      false,
      'the UI route is not in the API docs',
    );
    for (const url of ['/health/nope', '/docs/nope', '/metrics/x']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'NOT_FOUND');
    }
  });

  test('no path reaches a file outside the build, however it is spelled', async () => {
    // Over a real socket: inject (like fetch) would resolve the dot segments before sending.
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const attempts = [
      '/../package.json',
      '/../../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%252e%252e/%252e%252e/package.json',
      '/..\\..\\package.json',
      '/..%5c..%5cpackage.json',
      '/%00/../package.json',
      '//etc/passwd',
      '/.build-stamp',
      '/assets/.%2e/.build-stamp',
    ];
    for (const path of attempts) {
      const { status, body } = await rawGet(port, path);
      assert.ok(!body.includes('@campus/platform'), `${path} leaked package.json`);
      assert.ok(!body.includes('root:'), `${path} leaked /etc/passwd`);
      assert.ok(
        status === 404 || status === 400 || body === indexHtml,
        `${path}: ${status} ${body.slice(0, 80)}`,
      );
    }
  });
});

test('behind https the CSP upgrades insecure requests', async () => {
  const { app } = await webServer(webRoot, { PUBLIC_URL: 'https://attn.example.edu' });
  try {
    const res = await app.inject({ url: '/' });
    assert.match(String(res.headers['content-security-policy']), /upgrade-insecure-requests/);
  } finally {
    await app.close();
  }
});

test('without a build the UI is not served and one warning says how to build it', async () => {
  const { app, logs } = await webServer(fileURLToPath(new URL('./fixtures/no-web', import.meta.url)));
  try {
    const res = await app.inject({ url: '/teacher/x' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
    const warnings = logs.filter((line) => line.level === 40 && /web UI not served/.test(String(line.msg)));
    assert.equal(warnings.length, 1);
    assert.match(String(warnings[0]?.msg), /npm run build:web/);
  } finally {
    await app.close();
  }
});

describe('an app spec with a web folder', () => {
  const spec = { ...authAppSpec, web: { root: webRoot } };

  test('is served at / by the api role', async () => {
    const t = await createTestApp(spec, { env: { ROLE: 'api' } });
    try {
      assertIndex(await t.app.inject({ url: '/c/5f0c7a1e-3b4d-4e8f-9a6b-1c2d3e4f5a6b' }));
      const me = await t.app.inject({ url: '/me' });
      assert.equal(me.statusCode, 401, 'an app route wins over the UI');
    } finally {
      await t.close();
    }
  });

  test('is not served by the worker role', async () => {
    const t = await createTestApp(spec, { env: { ROLE: 'worker' } });
    try {
      const res = await t.app.inject({ url: '/' });
      assert.equal(res.statusCode, 404);
      assert.equal(
        t.app.guard.routes().some((route) => route.url === '/*'),
        false,
      );
    } finally {
      await t.close();
    }
  });
});
