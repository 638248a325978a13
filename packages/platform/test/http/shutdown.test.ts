import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnApp } from '../../src/testing/spawn-app.ts';

const fixture = fileURLToPath(new URL('./fixtures/slow-server.ts', import.meta.url));
const jobsCli = fileURLToPath(new URL('../fixtures/jobs-app/cli.ts', import.meta.url));

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

test('SIGUSR2 then SIGTERM while the app is still starting (database open, not yet listening): exits 0', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'early-stop-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const child = spawn(process.execPath, [jobsCli, 'serve'], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0', LOG_FILE: 'off', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (c) => {
    out += c;
  });
  const exited = once(child, 'exit');
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (c) => {
      out += c;
      // The first line start-up logs: the database is open, jobs and the server are not started.
      if (out.includes('embedded database open') && !out.includes('is ready at')) resolve();
    });
  });
  // A backup asked for now is dropped (the process does not end by SIGUSR2); the stop is kept.
  child.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 100));
  child.kill('SIGTERM');
  const [code, signal] = await exited;
  assert.equal(signal, null, out);
  assert.equal(code, 0, out);
  assert.match(out, /shutting down/);
});
