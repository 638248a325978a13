// `npm run attn -- create-user` and `set-password`: local accounts from the command line, the
// password from standard input and never from an argument; the account can then log in.
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
  dir = await mkdtemp(join(tmpdir(), 'attn-user-'));
  env = { DATA_DIR: join(dir, 'data'), DEMO_DATA: 'false', LOG_FILE: 'off', PORT: '0' };
  if (testDbKind() === 'postgres') {
    const db = await createEmptyDatabase('attn_user');
    env.DATABASE_URL = db.url;
    drop = db.drop;
  }
});
after(async () => {
  await drop();
  await rm(dir, { recursive: true, force: true });
});

test('create-user makes a local account that logs in; set-password changes its password', async () => {
  const args = ['create-user', '--school-number', 'A9001', '--name', 'First Admin', '--role', 'admin'];
  const asArgument = await runApp(cli, [...args, '--password', 'in-the-shell-history'], env);
  assert.equal(asArgument.code, 2);
  assert.match(asArgument.stderr, /never as an argument/);
  assert.equal((await runApp(cli, args, env, 30_000, 'short\n')).code, 2);

  const created = await runApp(cli, args, env, 60_000, 'a long and private passphrase\n');
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /User A9001 \(admin\) created/);
  assert.equal(
    (await runApp(cli, args, env, 60_000, 'a long and private passphrase\n')).code,
    1,
    'no duplicate',
  );

  const reset = ['set-password', '--school-number', 'A9001'];
  assert.equal((await runApp(cli, reset, env, 60_000, 'the second long passphrase\n')).code, 0);
  assert.equal(
    (
      await runApp(
        cli,
        ['set-password', '--school-number', 'nobody'],
        env,
        60_000,
        'the second long passphrase\n',
      )
    ).code,
    1,
  );

  const app = await spawnApp(cli, env);
  try {
    const login = (password: string) =>
      fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ school_number: 'A9001', password }),
      });
    assert.equal((await login('a long and private passphrase')).status, 401, 'the old password is gone');
    const res = await login('the second long passphrase');
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { role: string }).role, 'admin');
  } finally {
    await app.stop();
  }
});
