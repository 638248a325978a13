import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import { captureLogger } from '../testing/test-app.ts';
import { testConfig } from '../testing/test-config.ts';
import { createServer } from './create-server.ts';
import { findBadText } from './text-guard.ts';

const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';

test('findBadText finds NUL and unpaired surrogates anywhere in a tree, keys too, and nothing else', () => {
  assert.equal(findBadText('fine', 'body'), undefined);
  assert.equal(
    findBadText('İıŞşĞğ 😀 שלום e\u0301', 'body'),
    undefined,
    'Unicode with pairs and marks is fine',
  );
  assert.equal(findBadText('a\u0000b', 'body'), 'body');
  assert.equal(findBadText({ a: [1, { b: `x${LONE_HIGH}` }] }, 'body'), 'body.a.1.b');
  assert.equal(findBadText({ a: `${LONE_LOW}x` }, 'query'), 'query.a');
  assert.equal(findBadText({ 'k\u0000': 'v' }, 'body'), 'body');
  assert.equal(findBadText({ n: 1, b: true, z: null }, 'body'), undefined);
  assert.equal(findBadText(Buffer.from([0, 0]), 'body'), undefined);
});

async function build() {
  const { logs, logger } = captureLogger();
  const app = await createServer({ config: testConfig(), logger, openapi: { title: 't', version: '1' } });
  let calls = 0;
  const config = { rateLimit: 'unlimited', access: 'public' } as const;
  app.post(
    '/things/:name',
    {
      config,
      schema: { body: Type.Object({ name: Type.String(), tags: Type.Optional(Type.Array(Type.String())) }) },
    },
    async () => {
      calls++;
      return { ok: true };
    },
  );
  app.get('/things', { config }, async () => {
    calls++;
    return { ok: true };
  });
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/csv', { config }, async () => {
    calls++;
    return { ok: true };
  });
  await app.ready();
  return { app, logs, calls: () => calls };
}

test('a NUL or a lone surrogate in the body, query, path or headers is refused with 400 before the handler', async () => {
  const { app, logs, calls } = await build();
  const cases = [
    { method: 'POST', url: '/things/a', payload: { name: 'x\u0000y' }, field: 'body.name' },
    {
      method: 'POST',
      url: '/things/a',
      payload: { name: 'ok', tags: ['a', `b${LONE_HIGH}`] },
      field: 'body.tags.1',
    },
    { method: 'POST', url: '/things/a%00b', payload: { name: 'ok' }, field: 'params.name' },
    { method: 'GET', url: '/things?q=%00', field: 'query.q' },
    { method: 'GET', url: '/things', headers: { 'x-note': 'a\u0000b' }, field: 'headers.x-note' },
    {
      method: 'POST',
      url: '/csv',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b\nc\u0000,d',
      field: 'body',
    },
  ] as const;
  for (const c of cases) {
    const res = await app.inject({
      method: c.method,
      url: c.url,
      ...('payload' in c ? { payload: c.payload } : {}),
      ...('headers' in c ? { headers: c.headers } : {}),
    });
    assert.equal(res.statusCode, 400, `${c.method} ${c.url}`);
    const { error } = res.json();
    assert.equal(error.code, 'INVALID_TEXT');
    assert.equal(error.details[0].field, c.field);
    assert.equal(error.requestId, res.headers['x-request-id']);
  }
  // A lone surrogate written as a JSON escape, the way a client would send it.
  const escaped = await app.inject({
    method: 'POST',
    url: '/things/a',
    headers: { 'content-type': 'application/json' },
    payload: '{"name":"x\\ud800"}',
  });
  assert.equal(escaped.json().error.code, 'INVALID_TEXT');
  assert.equal(calls(), 0, 'no handler ran');
  assert.ok(logs.some((l) => l.msg === 'request refused: invalid text' && l.field === 'body.name'));

  const fine = await app.inject({
    method: 'POST',
    url: '/things/%C4%B0stanbul',
    payload: { name: 'İıŞşĞğ 😀 مرحبا' },
  });
  assert.equal(fine.statusCode, 200);
  await app.close();
});
