// `npm run acube -- create-admin`: the password from standard input, never from an argument;
// the new admin can then log in.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEmptyDatabase, runApp, spawnApp, testDbKind } from '@campus/platform/testing';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
let dir: string;
let env: Record<string, string>;
let drop = async () => {};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acube-admin-'));
  env = { DATA_DIR: join(dir, 'data'), DEMO_DATA: 'false', LOG_FILE: 'off', PORT: '0' };
  if (testDbKind() === 'postgres') {
    const db = await createEmptyDatabase('acube_admin');
    env.DATABASE_URL = db.url;
    drop = db.drop;
  }
});
after(async () => {
  await drop();
  await rm(dir, { recursive: true, force: true });
});

test('create-admin reads the password from stdin, refuses it as an argument, and the admin can log in', async () => {
  const args = ['create-admin', '--email', 'first@acube.test', '--name', 'First Admin'];
  const asArgument = await runApp(cli, [...args, '--password', 'in-the-shell-history'], env);
  assert.equal(asArgument.code, 2);
  assert.match(asArgument.stderr, /never as an argument/);

  const short = await runApp(cli, args, env, 30_000, 'short\n');
  assert.equal(short.code, 2);
  assert.match(short.stderr, /at least 12 characters/);

  const created = await runApp(cli, args, env, 30_000, 'a long and private passphrase\n');
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /Admin first@acube.test \(superadmin\) created/);
  assert.equal(
    (await runApp(cli, args, env, 30_000, 'a long and private passphrase\n')).code,
    1,
    'no duplicate',
  );

  const app = await spawnApp(cli, env);
  try {
    const res = await fetch(`${app.url}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first@acube.test', password: 'a long and private passphrase' }),
    });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { admin: { role: string } }).admin.role, 'superadmin');
  } finally {
    await app.stop();
  }
});
