// The access-table helper against the fixture app: the right table passes, and each kind of
// mistake (a missing route, a wrong declaration, a stale entry) fails with its route named.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AccessTokens } from '../../src/auth/access-tokens.ts';
import { assertAccess, type TestCaller } from '../../src/testing/access.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { authAppSpec } from '../fixtures/auth-app/spec.ts';

let t: TestApp;
let callers: Record<string, TestCaller>;
before(async () => {
  t = await createTestApp(authAppSpec);
  const tokens = new AccessTokens({
    appSecret: authAppSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
    app: 'authfix',
    clock: t.clock,
  });
  const as = (roles: string[]): TestCaller => ({
    roles,
    headers: async () => ({
      authorization: `Bearer ${await tokens.sign({ sub: crypto.randomUUID(), roles, sid: crypto.randomUUID() })}`,
    }),
  });
  callers = { member: as(['member']), admin: as(['admin']) };
});
after(() => t.close());

const table = {
  'POST /auth/login': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/logout': 'authenticated',
  'POST /session/login': 'public',
  'GET /me': 'authenticated',
  'POST /notes': 'authenticated',
  'GET /admin/stats': ['admin'],
  'GET /hello': 'public',
} as const;

test('the fixture app matches its access table, called anonymously and as each role', async () => {
  await assertAccess({ app: t.app, clock: t.clock, expected: table, callers });
});

test('a route missing from the table, a wrong entry and a stale entry each fail, named', async () => {
  const { 'GET /hello': _, ...withoutHello } = table;
  const wrong = { ...withoutHello, 'GET /admin/stats': ['member'], 'GET /gone': 'public' } as const;
  await assert.rejects(
    assertAccess({ app: t.app, clock: t.clock, expected: wrong, callers }),
    (err: Error) => {
      assert.match(err.message, /GET \/hello: not in the access table/);
      assert.match(err.message, /GET \/admin\/stats: declares \["admin"\], the table says \["member"\]/);
      assert.match(err.message, /GET \/gone: in the access table but no such route/);
      return true;
    },
  );
});
