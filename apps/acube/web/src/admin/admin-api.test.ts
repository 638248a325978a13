import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ApiError } from '@campus/web/api/client.ts';
import { fileNameOf } from './admin-api.ts';

type AdminApiModule = typeof import('./admin-api.ts');
let loads = 0;
/** The module afresh, as a page load has it: nobody known to be logged in yet. */
const freshModule = (): Promise<AdminApiModule> =>
  import(`${new URL('./admin-api.ts', import.meta.url).href}?load=${++loads}`);

/** The API as the panel sees it: refresh hands out T1, T2, …; /api/thing takes only `valid`. */
function fakeApi(opts: { valid: () => string; refreshOk?: () => boolean }) {
  const calls: string[] = [];
  let issued = 0;
  globalThis.fetch = (async (input: string | URL, init?: RequestInit) => {
    const path = String(input);
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    calls.push(`${path} ${auth}`.trim());
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (path === '/api/admin/auth/refresh') {
      if (opts.refreshOk && !opts.refreshOk())
        return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'No' } }, { status: 401 });
      issued += 1;
      return Response.json({
        access_token: `T${issued}`,
        token_type: 'Bearer',
        expires_in: 900,
        admin: { id: 'a1', email: 'a@acube.test', name: 'A', role: 'staff' },
      });
    }
    if (path === '/api/admin/auth/logout') return new Response(null, { status: 204 });
    if (auth !== `Bearer ${opts.valid()}`)
      return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'expired' } }, { status: 401 });
    return Response.json({ ok: path });
  }) as typeof fetch;
  return { calls, refreshes: () => calls.filter((c) => c.startsWith('/api/admin/auth/refresh')).length };
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

test('the first call after a load refreshes once, and calls made together share that refresh', async () => {
  const api = fakeApi({ valid: () => 'T1' });
  const { adminApi } = await freshModule();
  const answers = await Promise.all([adminApi('/api/thing'), adminApi('/api/thing'), adminApi('/api/thing')]);
  assert.deepEqual(answers, [{ ok: '/api/thing' }, { ok: '/api/thing' }, { ok: '/api/thing' }]);
  assert.equal(api.refreshes(), 1);
});

test('an expired token is refreshed once for every call it failed, then each call is tried again', async () => {
  let valid = 'T1';
  const api = fakeApi({ valid: () => valid });
  const { adminApi } = await freshModule();
  await adminApi('/api/thing');
  valid = 'T2'; // the access token expires
  const answers = await Promise.all([adminApi('/api/thing'), adminApi('/api/thing')]);
  assert.deepEqual(answers, [{ ok: '/api/thing' }, { ok: '/api/thing' }]);
  assert.equal(api.refreshes(), 2, 'one on load, one shared by both failed calls');
  assert.deepEqual(api.calls.slice(-2), ['/api/thing Bearer T2', '/api/thing Bearer T2']);
});

test('when the refresh is refused the call fails with 401 and nothing is retried', async () => {
  const api = fakeApi({ valid: () => 'never', refreshOk: () => false });
  const { adminApi } = await freshModule();
  const refused = (err: unknown) => err instanceof ApiError && err.status === 401;
  await assert.rejects(adminApi('/api/thing'), refused);
  assert.deepEqual(api.calls, ['/api/admin/auth/refresh']);
  // Now known to be out: the next call asks nothing of the server.
  await assert.rejects(adminApi('/api/thing'), refused);
  assert.equal(api.calls.length, 1);
});

test('after logging out, no call carries the token and none refreshes', async () => {
  const api = fakeApi({ valid: () => 'T1' });
  const { adminApi, logOut } = await freshModule();
  await adminApi('/api/thing');
  await logOut();
  assert.equal(api.calls.at(-1), '/api/admin/auth/logout Bearer T1');
  await assert.rejects(
    adminApi('/api/thing'),
    (err: unknown) => err instanceof ApiError && err.status === 401,
  );
  assert.equal(api.refreshes(), 1);
});

test("a download's name comes from Content-Disposition, else from the path", () => {
  assert.equal(
    fileNameOf('attachment; filename="audit-log-2026-11-30.csv"', '/x/1'),
    'audit-log-2026-11-30.csv',
  );
  assert.equal(fileNameOf("attachment; filename*=UTF-8''rapor%20%C3%B6zet.csv", '/x/1'), 'rapor özet.csv');
  assert.equal(fileNameOf(null, '/api/admin/bulk/export/files/abc?x=1'), 'abc');
});
