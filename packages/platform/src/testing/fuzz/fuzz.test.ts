import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import Value from 'typebox/value';
import { createServer } from '../../http/create-server.ts';
import { captureLogger } from '../test-app.ts';
import { testConfig } from '../test-config.ts';
import { MUTATION_NAMES, MUTATIONS, mutate } from './mutate.ts';
import { type Operation, operationsOf, unboundedIntegers } from './operations.ts';
import { createRandom, seedFrom } from './prng.ts';
import { formatReport } from './report.ts';
import { generateRequest, runFuzz, shapeProblem, urlOf } from './runner.ts';
import { leaves, REMOVE, sample, setAt } from './sample.ts';

const now = new Date('2026-12-01T10:00:00Z');

test('the PRNG replays a seed exactly and FUZZ_SEED chooses it', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const draws = Array.from({ length: 20 }, () => a.int(0, 1000));
  assert.deepEqual(
    draws,
    Array.from({ length: 20 }, () => b.int(0, 1000)),
  );
  assert.notDeepEqual(
    draws,
    Array.from({ length: 20 }, () => createRandom(43).int(0, 1000)),
  );
  assert.equal(seedFrom({ FUZZ_SEED: '123' }), 123);
  assert.throws(() => seedFrom({ FUZZ_SEED: 'abc' }), /FUZZ_SEED/);
  const fresh = seedFrom({});
  assert.ok(Number.isInteger(fresh) && fresh >= 0);
});

test('sampled values satisfy their schemas (formats, lengths, bounds, enums, patterns, unions)', async () => {
  const schema = Type.Object({
    email: Type.String({ format: 'email', maxLength: 254 }),
    id: Type.String({ format: 'uuid' }),
    day: Type.String({ format: 'date' }),
    at: Type.String({ format: 'date-time' }),
    time: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    token: Type.String({ minLength: 20, maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 5 }),
    count: Type.Integer({ minimum: 15, maximum: 240 }),
    kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
    maybe: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    tags: Type.Array(Type.String(), { minItems: 1, maxItems: 3 }),
    nested: Type.Optional(Type.Object({ flag: Type.Boolean() })),
  });
  for (let seed = 0; seed < 200; seed++) {
    const value = sample(schema as never, { random: createRandom(seed), now });
    assert.ok(
      Value.Check(schema, value),
      `seed ${seed}: ${JSON.stringify(value)} ${JSON.stringify([...Value.Errors(schema, value)])}`,
    );
    const v = value as { day: string };
    assert.ok(v.day > now.toISOString().slice(0, 10), 'dates lie after now');
  }
  const all = sample(schema as never, { random: createRandom(1), now, allProperties: true }) as object;
  assert.ok('nested' in all, 'allProperties fills the optional ones');
  for (let seed = 0; seed < 20; seed++) {
    const least = sample(schema as never, { random: createRandom(seed), now, requiredOnly: true }) as object;
    assert.ok(Value.Check(schema, least));
    assert.ok(!('nested' in least), `seed ${seed}: requiredOnly leaves the optional ones out`);
  }
});

test('leaves and setAt walk and change a JSON tree without touching the original', () => {
  const value = { a: 'x', b: [1, { c: true }] };
  assert.deepEqual(
    leaves(value).map((l) => l.path.join('.')),
    ['a', 'b.0', 'b.1.c'],
  );
  assert.deepEqual(setAt(value, ['b', 1, 'c'], 'y'), { a: 'x', b: [1, { c: 'y' }] });
  assert.deepEqual(setAt(value, ['a'], REMOVE), { b: [1, { c: true }] });
  assert.deepEqual(value, { a: 'x', b: [1, { c: true }] });
});

const doc = {
  paths: {
    '/api/things/{id}': {
      patch: {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'q', in: 'query', schema: { type: 'string' } },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string' }, n: { type: 'integer' } },
              },
            },
          },
        },
      },
    },
    '/health/live': { get: {} },
  },
};

test('operations are read from the document with their Fastify keys, parameters and bodies', () => {
  const ops = operationsOf(doc as never);
  assert.deepEqual(
    ops.map((o) => o.key),
    ['PATCH /api/things/:id', 'GET /health/live'],
  );
  const [op] = ops;
  assert.ok(op?.jsonBody);
  const req = generateRequest(op as never, createRandom(3), { now });
  assert.match(req.params.id ?? '', /^[0-9a-f-]{36}$/);
  assert.ok(urlOf(op as never, req).startsWith('/api/things/'));
});

test('an integer input with no maximum is named, wherever it sits; a bounded one is not', () => {
  const op: Operation = {
    method: 'GET',
    path: '/api/x',
    key: 'GET /api/x',
    parameters: [
      { name: 'before', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', maximum: 100 } },
    ],
    jsonBody: {
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
        maybe: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
        fine: { type: 'integer', maximum: 5 },
      },
    },
    bodyTypes: [],
  };
  const resolve = (ref: string) =>
    ref.endsWith('/Item') ? { type: 'object', properties: { count: { type: 'integer' } } } : undefined;
  assert.deepEqual(unboundedIntegers(op, resolve), ['query.before', 'body.items[].count', 'body.maybe']);
});

test('every mutation applies to a request with a body, a path parameter and a query, and changes it', () => {
  const [op] = operationsOf(doc as never);
  const random = createRandom(9);
  const valid = { ...generateRequest(op as never, random, { now }), json: { name: 'ada', n: 3 } };
  for (const name of MUTATION_NAMES) {
    const changed = MUTATIONS[name]?.(valid, op as never, random);
    assert.ok(changed, `${name} applies`);
    assert.equal(changed.kind, name);
    assert.notDeepEqual({ ...changed, kind: 'valid' }, valid, `${name} changes something`);
  }
  assert.deepEqual(valid.json, { name: 'ada', n: 3 }, 'the valid request is left as it was');
  const noBody = { method: 'GET', params: {}, query: {}, headers: {}, kind: 'valid' };
  const bare = { ...(op as Operation), parameters: [] };
  for (let i = 0; i < 50; i++) assert.ok(mutate(noBody, bare, random));
});

test('the error shape check accepts the one shape and the 429 body, and nothing else', () => {
  assert.equal(
    shapeProblem(400, '{"error":{"code":"BAD_REQUEST","message":"x","requestId":"r"}}'),
    undefined,
  );
  assert.equal(shapeProblem(429, '{"error":"Rate limit exceeded","detail":"10 per 1 minute"}'), undefined);
  assert.ok(shapeProblem(414, '{"error":"Bad Request","code":"FST_ERR_MAX_PARAM_LENGTH","statusCode":414}'));
  assert.ok(shapeProblem(400, 'Bad Request'));
  assert.ok(shapeProblem(404, '{"error":{"code":"NOT_FOUND","message":"x"}}'), 'no request id');
});

test('the runner finds a 5xx, a hand-made error body and an operation that never succeeds', async () => {
  const { logger } = captureLogger();
  const app = await createServer({ config: testConfig(), logger, openapi: { title: 't', version: '1' } });
  const open = { rateLimit: 'unlimited', access: 'public' } as const;
  const Body = Type.Object({ name: Type.String({ maxLength: 50 }) });
  app.post('/api/ok', { config: open, schema: { body: Body } }, async () => ({ ok: true }));
  app.post('/api/crash', { config: open, schema: { body: Body } }, async (request) => {
    if (request.body.name.length > 0) throw new Error('boom');
    return { ok: true };
  });
  app.post('/api/own-shape', { config: open, schema: { body: Body } }, async (_request, reply) =>
    reply.code(418).send({ message: 'teapot' }),
  );
  await app.ready();
  const report = await runFuzz({ app, callers: {}, seed: 5, now, valid: 2, mutated: 6 });
  const text = formatReport('test', report);
  assert.match(text, /seed 5 \(replay with FUZZ_SEED=5\)/);
  assert.match(text, /p50 .* p99/);
  assert.equal(report.requests, 3 * 8);
  const about = (key: string) => report.problems.filter((p) => p.operation === key);
  assert.deepEqual(about('POST /api/ok'), []);
  assert.ok(about('POST /api/crash').some((p) => p.status === 500));
  assert.ok(about('POST /api/own-shape').some((p) => p.status === 418 && /no error object/.test(p.detail)));
  assert.ok(about('POST /api/own-shape').some((p) => /never answered 2xx/.test(p.detail)));
  const again = await runFuzz({ app, callers: {}, seed: 5, now, valid: 2, mutated: 6 });
  assert.deepEqual(again.statuses, report.statuses, 'the same seed, the same run');
  await app.close();
});
