// The simulated SIS answers the contract (apps/attn/sis/openapi.yaml): every answer is checked
// against the response schema the document gives for that path and status. And it can be
// made slow, failing or down over HTTP, as a developer running `sis-sim` would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { demoPassword, demoRoster } from '../../src/modules/sis/simulator/demo-roster.ts';
import { type SisSimulator, startSisSimulator } from '../../src/modules/sis/simulator/sis-simulator.ts';

const CONTRACT = new URL('../../../sis/openapi.yaml', import.meta.url);
const ROSTER = '/ims/oneroster/rostering/v1p2';
const TOKEN = 'sim-token-0123456789abcdef';

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: object;
};
const doc = parse(readFileSync(CONTRACT, 'utf8')) as Doc;
const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
(addFormats as unknown as typeof addFormats.default)(ajv);
ajv.addSchema({ $id: 'contract', components: doc.components });

/** The schema the contract gives for this answer, with its refs pointing into the document. */
function responseSchema(path: string, method: string, status: number): object {
  const components = doc.components as { responses: Record<string, Record<string, unknown>> };
  let response = doc.paths[path]?.[method]?.responses[String(status)] as Record<string, unknown> | undefined;
  assert.ok(response, `the contract has no ${status} for ${method.toUpperCase()} ${path}`);
  const ref = response.$ref as string | undefined;
  if (ref) response = components.responses[ref.split('/').pop() ?? ''];
  const content = response?.content as Record<string, { schema: object }> | undefined;
  const schema = content?.['application/json']?.schema;
  assert.ok(schema, `no JSON schema for ${status} of ${method.toUpperCase()} ${path}`);
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"contract#/components/'));
}

async function call(sim: SisSimulator, method: string, path: string, body?: unknown, token = TOKEN) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await response.json();
  const contractPath = path.split('?')[0] ?? '';
  if (contractPath !== '/_sim/mode') {
    const validate = ajv.compile(responseSchema(contractPath, method.toLowerCase(), response.status));
    assert.ok(validate(json), `${method} ${path} ${response.status}: ${ajv.errorsText(validate.errors)}`);
  }
  return { status: response.status, headers: response.headers, json: json as Record<string, unknown> };
}

describe('simulated SIS', () => {
  let sim: SisSimulator;
  before(async () => {
    sim = await startSisSimulator({ token: TOKEN, data: demoRoster({ students: 12 }) });
  });
  after(async () => {
    await sim.close();
  });

  test('the contract is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as never);
    assert.ok(result.valid, JSON.stringify(result.errors));
    assert.equal((doc as unknown as { openapi: string }).openapi, '3.1.0');
  });

  test('each collection answers in its OneRoster envelope, paged with limit and offset', async () => {
    for (const collection of ['academicSessions', 'classes', 'users', 'enrollments'] as const) {
      const first = await call(sim, 'GET', `${ROSTER}/${collection}?limit=5&offset=0`);
      assert.equal(first.status, 200);
      const total = sim.data[collection].length;
      assert.equal(first.headers.get('x-total-count'), String(total));
      const seen: string[] = [];
      for (let offset = 0; offset < total + 5; offset += 5) {
        const page = await call(sim, 'GET', `${ROSTER}/${collection}?limit=5&offset=${offset}`);
        seen.push(...(page.json[collection] as { sourcedId: string }[]).map((r) => r.sourcedId));
      }
      assert.equal(seen.length, total, `${collection}: every record once`);
      assert.equal(new Set(seen).size, total);
    }
    const users = await call(sim, 'GET', `${ROSTER}/users`);
    assert.equal((users.json.users as unknown[]).length, 15, 'OneRoster default limit covers 15');
    assert.ok(!JSON.stringify(users.json).includes('password'), 'no password in a roster');
  });

  test('bad paging is a 400 in OneRoster status-info form', async () => {
    for (const query of ['limit=0', 'limit=5000', 'offset=-1', 'limit=abc']) {
      const r = await call(sim, 'GET', `${ROSTER}/users?${query}`);
      assert.equal(r.status, 400, query);
      assert.equal(r.json.imsx_codeMajor, 'failure');
    }
  });

  test('the credential check: valid with the person, or valid false; 400 for a bad body', async () => {
    const ok = await call(sim, 'POST', '/auth/v1/credentials/verify', {
      school_number: 'T1002',
      password: demoPassword('T1002'),
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.valid, true);
    assert.equal((ok.json.user as { identifier: string }).identifier, 'T1002');
    assert.ok(!JSON.stringify(ok.json).includes(demoPassword('T1002')));
    const wrong = await call(sim, 'POST', '/auth/v1/credentials/verify', {
      school_number: 'T1002',
      password: 'no',
    });
    assert.deepEqual(wrong.json, { valid: false });
    const unknown = await call(sim, 'POST', '/auth/v1/credentials/verify', {
      school_number: 'X',
      password: 'no',
    });
    assert.deepEqual(unknown.json, { valid: false });
    const bad = await call(sim, 'POST', '/auth/v1/credentials/verify', { school_number: 42 });
    assert.equal(bad.status, 400);
  });

  test('without the bearer token every request is a 401', async () => {
    const r = await call(sim, 'GET', `${ROSTER}/classes`, undefined, 'wrong');
    assert.equal(r.status, 401);
    const v = await call(
      sim,
      'POST',
      '/auth/v1/credentials/verify',
      { school_number: 'a', password: 'b' },
      'x',
    );
    assert.equal(v.status, 401);
  });

  test('over HTTP it can be made to fail, to be slow, and to go down and come back', async () => {
    await call(sim, 'PUT', '/_sim/mode', { fail_rate: 1, fail_status: 500 });
    assert.equal((await call(sim, 'GET', `${ROSTER}/classes`)).status, 500);
    await call(sim, 'PUT', '/_sim/mode', { fail_rate: 0.5, fail_status: 503 });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await call(sim, 'GET', `${ROSTER}/classes`)).status);
    assert.equal(statuses.filter((s) => s === 503).length, 5, 'half, spread evenly');
    await call(sim, 'PUT', '/_sim/mode', { fail_rate: 0, delay_ms: 300 });
    const started = performance.now();
    assert.equal((await call(sim, 'GET', `${ROSTER}/classes`)).status, 200);
    assert.ok(performance.now() - started >= 290);
    await call(sim, 'PUT', '/_sim/mode', { delay_ms: 0, down_for_ms: 400 });
    await sleep(50);
    await assert.rejects(fetch(`${sim.url}${ROSTER}/classes`), 'refused while down');
    await sleep(600);
    assert.equal((await call(sim, 'GET', `${ROSTER}/classes`)).status, 200, 'back up on the same port');
  });
});
