import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import parsePrometheus from 'parse-prometheus-text-format';
import { Type } from 'typebox';
import { AppError, tooManyRequests } from '../errors.ts';
import { captureLogger } from '../testing/test-app.ts';
import { testConfig } from '../testing/test-config.ts';
import { createServer } from './create-server.ts';
import { errorResponses } from './schemas.ts';

function captureLogs() {
  const { logs, logger } = captureLogger();
  return { lines: logs, logger };
}

const open = { rateLimit: 'unlimited', access: 'public' } as const;

async function buildThings(overrides: Record<string, string> = {}) {
  const logs = captureLogs();
  const app = await createServer({
    config: testConfig(overrides),
    logger: logs.logger,
    openapi: { title: 'Test API', version: '1.0.0' },
  });
  const Thing = Type.Object({ id: Type.Integer(), name: Type.String() });
  app.get(
    '/things/:id',
    {
      config: open,
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: Thing, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      if (request.params.id === 404) throw new AppError('NOT_FOUND', 'Thing not found');
      request.log.info({ thingId: request.params.id }, 'thing read');
      return { id: request.params.id, name: 'a thing', secret: 'never serialised' };
    },
  );
  app.post(
    '/things',
    {
      config: open,
      schema: {
        body: Type.Object({
          name: Type.String({ minLength: 2 }),
          email: Type.String({ format: 'email' }),
          password: Type.String({ minLength: 12 }),
        }),
        response: { 201: Thing, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      if (request.body.name === 'taken') throw new AppError('CONFLICT', 'Name already taken');
      return reply.code(201).send({ id: 1, name: request.body.name });
    },
  );
  app.get('/boom', { config: open }, async () => {
    throw new Error('database password is hunter2 at 10.0.0.5');
  });
  app.get(
    '/throttled',
    { config: open, schema: { response: { 200: Thing, ...errorResponses(400, 429) } } },
    async () => {
      throw tooManyRequests('Too many tries', 'wait a minute', 60);
    },
  );
  app.get('/db-down', { config: open }, async () => {
    throw new Error('Failed query: select 1', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    });
  });
  app.get('/ip', { config: open }, async (request) => ({ ip: request.ip }));
  await app.ready();
  return { app, logs: logs.lines };
}

test('an unknown route answers 404 in the error shape, with the request id echoed and on every log line', async () => {
  const { app, logs } = await buildThings();
  const res = await app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': 'abc' } });
  assert.equal(res.statusCode, 404);
  assert.equal(res.headers['x-request-id'], 'abc');
  const body = res.json();
  assert.equal(body.error.code, 'NOT_FOUND');
  assert.equal(body.error.requestId, 'abc');
  assert.equal(typeof body.error.message, 'string');
  const mine = logs.filter((l) => l.requestId === 'abc');
  assert.ok(mine.length >= 2, 'incoming and completed lines at least');
  await app.inject({ method: 'GET', url: '/things/7', headers: { 'x-request-id': 'req-7' } });
  const businessLine = logs.find((l) => l.msg === 'thing read');
  assert.equal(businessLine?.requestId, 'req-7');
  await app.close();
});

test('an unsafe or over-long request id is replaced by a generated one', async () => {
  const { app } = await buildThings();
  for (const bad of ['a b', '<script>', 'x'.repeat(200)]) {
    const res = await app.inject({ method: 'GET', url: '/nope', headers: { 'x-request-id': bad } });
    assert.notEqual(res.headers['x-request-id'], bad);
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    assert.equal(res.json().error.requestId, res.headers['x-request-id']);
  }
  await app.close();
});

test('invalid input answers 400 with a detail per field and logs no offending value', async () => {
  const { app, logs } = await buildThings();
  const res = await app.inject({
    method: 'POST',
    url: '/things',
    payload: { name: 'x', email: 'not-an-email', password: 'short-pw' },
  });
  assert.equal(res.statusCode, 400);
  const { error } = res.json();
  assert.equal(error.code, 'VALIDATION_FAILED');
  const fields = error.details.map((d: { field: string }) => d.field).sort();
  assert.deepEqual(fields, ['body.email', 'body.name', 'body.password']);
  assert.doesNotMatch(res.body, /short-pw/);
  assert.doesNotMatch(JSON.stringify(logs), /short-pw/);

  const missing = await app.inject({ method: 'POST', url: '/things', payload: { name: 'xy' } });
  assert.deepEqual(
    missing
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort(),
    ['body.email', 'body.password'],
  );
  const badParam = await app.inject({ method: 'GET', url: '/things/abc' });
  assert.equal(badParam.statusCode, 400);
  assert.equal(badParam.json().error.details[0].field, 'params.id');
  await app.close();
});

test('client errors keep the error shape: 405, 409, 413, 415 and malformed JSON', async () => {
  const { app } = await buildThings();
  const wrongMethod = await app.inject({ method: 'DELETE', url: '/things/1' });
  assert.equal(wrongMethod.statusCode, 405);
  assert.match(String(wrongMethod.headers.allow), /GET/);
  assert.equal(wrongMethod.json().error.code, 'METHOD_NOT_ALLOWED');

  const ok = { name: 'taken', email: 'a@example.org', password: 'long-enough-password' };
  const conflict = await app.inject({ method: 'POST', url: '/things', payload: ok });
  assert.equal(conflict.statusCode, 409);
  assert.equal(conflict.json().error.code, 'CONFLICT');

  const tooLarge = await app.inject({
    method: 'POST',
    url: '/things',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ ...ok, name: 'x'.repeat(2 * 1024 * 1024) }),
  });
  assert.equal(tooLarge.statusCode, 413);
  assert.equal(tooLarge.json().error.code, 'PAYLOAD_TOO_LARGE');

  const wrongType = await app.inject({
    method: 'POST',
    url: '/things',
    headers: { 'content-type': 'text/xml' },
    payload: '<thing/>',
  });
  assert.equal(wrongType.statusCode, 415);
  assert.equal(wrongType.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');

  const malformed = await app.inject({
    method: 'POST',
    url: '/things',
    headers: { 'content-type': 'application/json' },
    payload: 'password=hunter2&name=x',
  });
  assert.equal(malformed.statusCode, 400);
  assert.doesNotMatch(malformed.body, /hunter2/);
  await app.close();
});

test('an unexpected error answers 500 with nothing internal and is logged once at error with its stack', async () => {
  const { app, logs } = await buildThings();
  const res = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'boom-1' } });
  assert.equal(res.statusCode, 500);
  assert.deepEqual(res.json(), {
    error: { code: 'INTERNAL', message: 'Internal server error', requestId: 'boom-1' },
  });
  const errors = logs.filter((l) => l.level === 50);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]?.requestId, 'boom-1');
  const logged = errors[0]?.err as { stack?: string } | undefined;
  assert.match(String(logged?.stack), /create-server\.test\.ts/);
  await app.close();
});

test('a route listing 429 among its errors answers a throttled request with the rate-limit body', async () => {
  const { app } = await buildThings();
  const res = await app.inject({ method: 'GET', url: '/throttled' });
  assert.equal(res.statusCode, 429);
  assert.equal(res.headers['retry-after'], '60');
  assert.deepEqual(res.json(), { error: 'Too many tries', detail: 'wait a minute' });
  await app.close();
});

test('a database that cannot be reached answers 503 with Retry-After, not 500, and is logged', async () => {
  const { app, logs } = await buildThings();
  const res = await app.inject({ method: 'GET', url: '/db-down', headers: { 'x-request-id': 'down-1' } });
  assert.equal(res.statusCode, 503);
  assert.equal(res.headers['retry-after'], '5');
  assert.deepEqual(res.json(), {
    error: {
      code: 'SERVICE_UNAVAILABLE',
      message: 'Service temporarily unavailable, try again shortly',
      requestId: 'down-1',
    },
  });
  const errors = logs.filter((l) => l.level === 50);
  assert.deepEqual(
    errors.map((l) => [l.msg, l.requestId]),
    [['a connection was refused or lost (database, Redis, SMTP or the SIS): 503', 'down-1']],
  );
  await app.close();
});

test('responses are serialised by their schema, so undeclared fields never leak', async () => {
  const { app } = await buildThings();
  const res = await app.inject({ method: 'GET', url: '/things/3' });
  assert.deepEqual(res.json(), { id: 3, name: 'a thing' });
  await app.close();
});

test('security headers are set on every response', async () => {
  const { app } = await buildThings();
  const res = await app.inject({ method: 'GET', url: '/things/3' });
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
  assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  assert.ok(res.headers['referrer-policy']);
  await app.close();
});

test('CORS allows only the configured origins', async () => {
  const { app } = await buildThings({ CORS_ORIGINS: 'https://panel.example.org' });
  const allowed = await app.inject({
    method: 'GET',
    url: '/things/3',
    headers: { origin: 'https://panel.example.org' },
  });
  assert.equal(allowed.headers['access-control-allow-origin'], 'https://panel.example.org');
  const denied = await app.inject({
    method: 'GET',
    url: '/things/3',
    headers: { origin: 'https://evil.example' },
  });
  assert.equal(denied.headers['access-control-allow-origin'], undefined);
  await app.close();
  const { app: closed } = await buildThings();
  const none = await closed.inject({
    method: 'GET',
    url: '/things/3',
    headers: { origin: 'https://panel.example.org' },
  });
  assert.equal(none.headers['access-control-allow-origin'], undefined);
  await closed.close();
});

test('X-Forwarded-For changes the client IP only when the proxy is trusted', async () => {
  const forwarded = { 'x-forwarded-for': '203.0.113.9' };
  const { app } = await buildThings();
  const direct = await app.inject({
    method: 'GET',
    url: '/ip',
    headers: forwarded,
    remoteAddress: '127.0.0.1',
  });
  assert.equal(direct.json().ip, '127.0.0.1');
  await app.close();
  const { app: proxied } = await buildThings({ TRUST_PROXY: '127.0.0.1' });
  const behind = await proxied.inject({
    method: 'GET',
    url: '/ip',
    headers: forwarded,
    remoteAddress: '127.0.0.1',
  });
  assert.equal(behind.json().ip, '203.0.113.9');
  const spoofed = await proxied.inject({
    method: 'GET',
    url: '/ip',
    headers: forwarded,
    remoteAddress: '198.51.100.4',
  });
  assert.equal(spoofed.json().ip, '198.51.100.4');
  await proxied.close();
});

test('/openapi.json is a valid OpenAPI 3.1 document describing the routes and the error shape', async () => {
  const { app } = await buildThings();
  const res = await app.inject({ method: 'GET', url: '/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  const result = await new Validator().validate(doc);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.ok(doc.paths['/things/{id}'].get);
  assert.ok(doc.components.schemas.ErrorResponse);
  await app.close();
});

test('a query parameter with a default is documented as optional, and left out it takes the default', async () => {
  const app = await createServer({
    config: testConfig(),
    logger: captureLogs().logger,
    openapi: { title: 't', version: '1' },
  });
  app.get(
    '/listed',
    {
      config: open,
      schema: {
        querystring: Type.Object({
          page: Type.Integer({ minimum: 1, default: 1 }),
          q: Type.String({ minLength: 1 }),
        }),
      },
    },
    async (request) => ({ page: request.query.page }),
  );
  const doc = (await app.inject({ url: '/openapi.json' })).json();
  const params = doc.paths['/listed'].get.parameters as { name: string; required?: boolean }[];
  assert.equal(params.find((p) => p.name === 'page')?.required, false, 'page has a default');
  assert.equal(params.find((p) => p.name === 'q')?.required, true, 'q has none');
  assert.equal((await new Validator().validate(doc)).valid, true);
  const res = await app.inject({ url: '/listed?q=x' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { page: 1 });
  await app.close();
});

test('/docs serves the interactive page and its assets from the app itself', async () => {
  const { app } = await buildThings();
  const page = await app.inject({ method: 'GET', url: '/docs/' });
  const html =
    page.statusCode === 302 ? (await app.inject({ url: String(page.headers.location) })).body : page.body;
  assert.match(html, /swagger-ui/i);
  assert.doesNotMatch(html, /https?:\/\//, 'no asset is loaded from another host');
  for (const asset of ['/docs/static/swagger-ui-bundle.js', '/docs/static/swagger-ui.css']) {
    const res = await app.inject({ method: 'GET', url: asset });
    assert.equal(res.statusCode, 200, asset);
  }
  await app.close();
});

test('/metrics is valid Prometheus text with request durations under the route template', async () => {
  const { app } = await buildThings();
  await app.inject({ method: 'GET', url: '/things/42' });
  await app.inject({ method: 'GET', url: '/things/43' });
  await app.inject({ method: 'GET', url: '/no/such/thing' });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /text\/plain/);
  const families = parsePrometheus(res.body);
  const histogram = families.find((f) => f.name === 'http_request_duration_seconds');
  assert.equal(histogram?.type, 'HISTOGRAM');
  // The parser drops histogram labels, so the label set is read from the buckets themselves.
  const buckets = res.body
    .split('\n')
    .filter((line) => line.startsWith('http_request_duration_seconds_bucket{'));
  const routes = new Set(buckets.map((line) => /route="([^"]*)"/.exec(line)?.[1]));
  assert.ok(routes.has('/things/:id'));
  assert.ok(routes.has('__unmatched__'));
  assert.ok(![...routes].some((r) => r?.includes('42') || r?.includes('/no/such')));
  assert.ok(buckets.some((line) => /le="\+Inf"/.test(line) && /route="\/things\/:id"/.test(line)));
  const names = new Set(families.map((f) => f.name));
  for (const name of [
    'http_requests_total',
    'process_resident_memory_bytes',
    'nodejs_eventloop_lag_seconds',
  ]) {
    assert.ok(names.has(name), name);
  }
  await app.close();
});

test('/health/ready reports each check: 200 when up or degraded, 503 when one is down', async () => {
  const { app: base } = await buildThings();
  await base.close();
  const logs = captureLogs();
  const app = await createServer({
    config: testConfig(),
    logger: logs.logger,
    openapi: { title: 't', version: '1' },
  });
  let redis: 'up' | 'degraded' | 'down' = 'up';
  app.health.register('database', async () => 'up');
  app.health.register('redis', async () => {
    if (redis === 'down') throw new Error('connection refused');
    return redis;
  });
  await app.ready();
  assert.equal((await app.inject({ url: '/health/live' })).statusCode, 200);
  const up = await app.inject({ url: '/health/ready' });
  assert.equal(up.statusCode, 200);
  assert.equal(up.json().status, 'ok');
  assert.equal(up.json().checks.database.status, 'up');
  redis = 'degraded';
  const degraded = await app.inject({ url: '/health/ready' });
  assert.equal(degraded.statusCode, 200);
  assert.equal(degraded.json().status, 'degraded');
  redis = 'down';
  const down = await app.inject({ url: '/health/ready' });
  assert.equal(down.statusCode, 503);
  assert.equal(down.json().checks.redis.status, 'down');
  assert.equal(down.json().checks.redis.note, 'connection refused');
  await app.close();
});

test('/metrics asks for METRICS_TOKEN when set, and is off in production without one', async () => {
  const build = async (env: Record<string, string>) => {
    const app = await createServer({
      config: testConfig(env),
      logger: captureLogs().logger,
      openapi: { title: 't', version: '1' },
    });
    await app.ready();
    return app;
  };
  const guarded = await build({ METRICS_TOKEN: 'a-metrics-token-0123' });
  assert.equal((await guarded.inject({ url: '/metrics' })).statusCode, 401);
  assert.equal(
    (await guarded.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-0000000' } }))
      .statusCode,
    401,
  );
  const ok = await guarded.inject({
    url: '/metrics',
    headers: { authorization: 'Bearer a-metrics-token-0123' },
  });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /http_requests_total/);
  await guarded.close();

  const production = await build({
    NODE_ENV: 'production',
    APP_SECRET: 'a-real-production-secret-of-enough-length',
  });
  assert.equal((await production.inject({ url: '/metrics' })).statusCode, 404);
  await production.close();
});

test('the framework’s own refusals come in the error shape: 414, 405, 413, not multipart 415, bad URL', async () => {
  const logs = captureLogs();
  const app = await createServer({
    config: testConfig(),
    logger: logs.logger,
    openapi: { title: 't', version: '1' },
  });
  app.post('/uploads', { config: open }, async (request) => {
    await request.file();
    return { ok: true };
  });
  app.get('/things/:id', { config: open }, async () => ({ ok: true }));
  await app.ready();
  const shaped = (
    res: { statusCode: number; json(): { error: Record<string, unknown> }; headers: Record<string, unknown> },
    status: number,
    code: string,
  ) => {
    assert.equal(res.statusCode, status, code);
    const { error } = res.json();
    assert.equal(error.code, code);
    assert.equal(typeof error.message, 'string');
    assert.equal(error.requestId, res.headers['x-request-id']);
  };
  shaped(await app.inject({ url: `/things/${'x'.repeat(500)}` }), 414, 'URI_TOO_LONG');
  shaped(
    await app.inject({ method: 'POST', url: '/uploads', payload: { a: 1 } }),
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  );
  for (const type of ['multipart/form-data', 'multipart/form-data; boundary=xyz']) {
    const res = await app.inject({
      method: 'POST',
      url: '/uploads',
      headers: { 'content-type': type },
      payload: '{"a":1}',
    });
    shaped(res, 400, 'BAD_REQUEST');
  }
  assert.ok(!logs.lines.some((l) => l.level === 50), 'a malformed multipart body is no server error');
  shaped(await app.inject({ method: 'PUT', url: '/uploads' }), 405, 'METHOD_NOT_ALLOWED');
  shaped(await app.inject({ url: '/api/nothing/here' }), 404, 'NOT_FOUND');
  shaped(
    await app.inject({
      method: 'POST',
      url: '/uploads',
      headers: { 'content-type': 'application/json' },
      payload: `{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`,
    }),
    413,
    'PAYLOAD_TOO_LARGE',
  );
  shaped(
    await app.inject({
      method: 'POST',
      url: '/uploads',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    }),
    400,
    'BAD_REQUEST',
  );
  await app.close();
});

test('what Node refuses before a request exists (headers too large) is answered on the socket in the error shape', async () => {
  const logs = captureLogs();
  const app = await createServer({
    config: testConfig(),
    logger: logs.logger,
    openapi: { title: 't', version: '1' },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const { connect } = await import('node:net');
  const raw = await new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
    });
    // The server hangs up once it has answered: a reset while the rest is still being sent is fine.
    socket.on('close', () => resolve(data));
    socket.on('error', () => resolve(data));
  });
  assert.match(raw, /^HTTP\/1\.1 431 /);
  const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
  assert.equal(body.error.code, 'HEADERS_TOO_LARGE');
  assert.match(body.error.requestId, /^[0-9a-f-]{36}$/);
  await app.close();
});

test('INSTANCE_ID sets an X-Instance header on every answer, errors too; unset, there is none', async () => {
  const named = await buildThings({ INSTANCE_ID: 'api-3' });
  for (const url of ['/things/7', '/nope']) {
    const res = await named.app.inject({ method: 'GET', url });
    assert.equal(res.headers['x-instance'], 'api-3');
  }
  await named.app.close();
  const plain = await buildThings();
  const res = await plain.app.inject({ method: 'GET', url: '/things/7' });
  assert.equal(res.headers['x-instance'], undefined);
  await plain.app.close();
});
