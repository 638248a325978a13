import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnApp } from '../../src/testing/spawn-app.ts';

const fixture = fileURLToPath(new URL('./fixtures/slow-server.ts', import.meta.url));

test('SIGTERM during a slow request lets it complete with 200, then the process exits 0', async () => {
  const server = await spawnApp(fixture, { SLOW_MS: '1500' });
  const pending = fetch(`${server.url}/slow`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  server.child.kill('SIGTERM');
  const response = await pending;
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { done: true });
  const [code] = await once(server.child, 'exit');
  assert.equal(code, 0, server.output());
  assert.match(server.output(), /shutting down/);
});

test('after SIGTERM the server accepts no new connections', async () => {
  const server = await spawnApp(fixture, { SLOW_MS: '1000' });
  const pending = fetch(`${server.url}/slow`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  server.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 200));
  await assert.rejects(fetch(`${server.url}/health/live`, { headers: { connection: 'close' } }));
  assert.equal((await pending).status, 200);
  const [code] = await once(server.child, 'exit');
  assert.equal(code, 0);
});
