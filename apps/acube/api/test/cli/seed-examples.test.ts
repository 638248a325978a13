// The seed's own curl examples against `npm run acube` (the real command line, demo data on):
// login, bulk delete with a token, audit export; the booking example (its date is now past: a
// clear 400, and 201 with a future date); the rate limits it demonstrates.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEmptyDatabase, spawnApp, testDbKind } from '@campus/platform/testing';
import { DEMO_ADMINS } from '../../src/demo-data.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

test("the seed's curl examples work against npm run acube", { timeout: 120_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'acube-seed-'));
  const db = testDbKind() === 'postgres' ? await createEmptyDatabase('acube_seed') : undefined;
  const app = await spawnApp(cli, {
    PORT: '0',
    DATA_DIR: join(dir, 'data'),
    DEMO_DATA: 'true',
    LOG_FILE: 'off',
    // The seed's curl examples predate the bot check (test/abuse/ tests it with a solver).
    BOT_CHECK: 'off',
    ...(db ? { DATABASE_URL: db.url } : {}),
  });
  const call = async (method: string, path: string, body?: object | string, token?: string) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
  };
  try {
    assert.match(app.output(), /admin@acube\.demo \/ demo-superadmin-pass/, 'the demo logins are printed');
    const admin = DEMO_ADMINS[0];
    const login = await call('POST', '/api/admin/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    assert.equal(login.status, 200);
    const token = login.json.access_token as string;

    // curl -X POST .../api/admin/bulk/delete -H "Authorization: Bearer YOUR_TOKEN" -d '{"entity":"sessions","ids":[...]}'
    assert.equal(
      (await call('POST', '/api/admin/bulk/delete', { entity: 'sessions', ids: ['id1', 'id2'] }, token))
        .status,
      400,
    );
    const sessions = (await call('GET', '/api/sessions', undefined, token)).json.items as { id: string }[];
    assert.equal(sessions.length, 3);
    const deleted = await call(
      'POST',
      '/api/admin/bulk/delete',
      { entity: 'sessions', ids: sessions.map((s) => s.id) },
      token,
    );
    assert.equal(deleted.status, 200);
    assert.equal(deleted.json.done, 3);

    // curl -X POST .../api/admin/bulk/export/audit-logs -H "Authorization: Bearer YOUR_TOKEN"  (no body)
    const exported = await call('POST', '/api/admin/bulk/export/audit-logs', undefined, token);
    assert.equal(exported.status, 202);
    assert.deepEqual(
      { success: exported.json.success, processing: exported.json.processing },
      { success: true, processing: 'background' },
    );

    // The booking example, as the seed sends it (no consent fields: an API client's request is
    // taken with no consent recorded; the web form always sends them): its date is past now.
    const example = {
      email: 'test@example.com',
      name: 'Test',
      phone: '1234567890',
      session_type: 'individual',
      preferred_date: '2025-02-01',
      message: 'Test',
    };
    const past = await call('POST', '/api/sessions/book', example);
    assert.equal(past.status, 400);
    assert.equal(past.json.error.details[0].field, 'body.preferred_date');
    const future = { ...example, preferred_date: `${new Date().getUTCFullYear() + 1}-02-01` };
    assert.equal((await call('POST', '/api/sessions/book', future)).status, 201);
    // for i in {1..15}: the limit is 10 a minute per IP, and two requests are spent already.
    const loop = [];
    for (let i = 0; i < 15; i++) loop.push((await call('POST', '/api/sessions/book', future)).status);
    // Windows are fixed minutes of the real clock: when a new minute began after the two spent
    // requests, ten more go through before the 429s.
    assertThen(
      loop,
      200,
      429,
      [8, 10],
      'the same request again: the first reference, nothing twice; then 429',
    );

    // for i in {1..10}: wrong passwords; the auth limit is 5 a minute per IP, one login spent.
    const logins = [];
    for (let i = 0; i < 10; i++)
      logins.push(
        (await call('POST', '/api/admin/auth/login', { email: 'test@example.com', password: 'wrong' }))
          .status,
      );
    assertThen(logins, 401, 429, [4, 5], 'wrong passwords until the limit, then 429');
    assert.equal(await app.stop(), 0);
  } finally {
    await app.stop('SIGKILL').catch(() => {});
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  }
});

/** `answers` is `first` some allowed number of times, then only `then`. */
function assertThen(answers: number[], first: number, then: number, counts: number[], what: string) {
  const k = answers.indexOf(then);
  assert.ok(counts.includes(k), `${what}: ${JSON.stringify(answers)}`);
  assert.deepEqual(answers.slice(0, k), Array(k).fill(first), what);
  assert.deepEqual(answers.slice(k), Array(answers.length - k).fill(then), what);
}
