import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEmptyDatabase, runApp, spawnApp, testDbKind } from '@campus/platform/testing';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
let dir: string;
let databaseEnv: Record<string, string> = {};
let dropDatabase = async () => {};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acube-cli-'));
  if (testDbKind() === 'postgres') {
    const empty = await createEmptyDatabase('acube_cli');
    databaseEnv = { DATABASE_URL: empty.url };
    dropDatabase = empty.drop;
  }
});
after(async () => {
  await dropDatabase();
  await rm(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  PORT: '0',
  DEMO_DATA: 'true',
  DATA_DIR: join(dir, 'data'),
  ...databaseEnv,
  ...extra,
});

test('serve answers /health/ready 200 on a fresh data dir and again after a restart, with the data kept', async () => {
  const first = await spawnApp(cli, env());
  after(() => first.stop('SIGKILL'));
  const ready = await fetch(`${first.url}/health/ready`);
  assert.equal(ready.status, 200, first.output());
  const list = (await (await fetch(`${first.url}/api/events`)).json()) as { items: { id: string }[] };
  assert.equal(list.items.length, 3, 'demo data when DEMO_DATA is on: the published events');
  assert.equal(await first.stop(), 0, first.output());

  const second = await spawnApp(cli, env());
  after(() => second.stop('SIGKILL'));
  assert.equal((await fetch(`${second.url}/health/ready`)).status, 200);
  const again = (await (await fetch(`${second.url}/api/events`)).json()) as { items: { id: string }[] };
  assert.deepEqual(
    again.items.map((e: { id: string }) => e.id),
    list.items.map((e: { id: string }) => e.id),
    'the same rows survive the restart and demo data is not inserted twice',
  );
  assert.equal(await second.stop(), 0);
});

test('a second process on the same data dir stops at once with a clear message', {
  skip: testDbKind() === 'postgres' && 'two instances on PostgreSQL are the scaled-out shape',
}, async () => {
  const first = await spawnApp(cli, env());
  try {
    const started = Date.now();
    const second = await runApp(cli, ['serve'], env());
    assert.notEqual(second.code, 0);
    assert.match(second.stderr, /in use by process \d+/);
    assert.ok(Date.now() - started < 10_000);
    assert.equal((await fetch(`${first.url}/health/ready`)).status, 200, 'the first keeps running');
  } finally {
    await first.stop();
  }
});

test('bad settings stop the process with one message naming each of them', async () => {
  const result = await runApp(cli, ['serve'], {
    PORT: 'abc',
    DATABASE_URL: 'notaurl',
    DATA_DIR: join(dir, 'bad'),
  });
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /PORT/);
  assert.match(result.stderr, /DATABASE_URL/);
  assert.equal(result.stderr.match(/Invalid configuration/g)?.length, 1);
});

test('production refuses the development secret and wildcard CORS, naming the setting', async () => {
  const secret = await runApp(cli, ['serve'], { NODE_ENV: 'production', DATA_DIR: join(dir, 'prod') });
  assert.notEqual(secret.code, 0);
  assert.match(secret.stderr, /APP_SECRET/);
  const cors = await runApp(cli, ['serve'], {
    NODE_ENV: 'production',
    APP_SECRET: 'a-real-production-secret-of-sufficient-length-0123456789',
    CORS_ORIGINS: '*',
    DATA_DIR: join(dir, 'prod'),
  });
  assert.notEqual(cors.code, 0);
  assert.match(cors.stderr, /CORS_ORIGINS/);
  assert.doesNotMatch(cors.stderr, /APP_SECRET/);
});

test('--help lists the commands; an unknown command exits 2', async () => {
  const help = await runApp(cli, ['--help'], {});
  assert.equal(help.code, 0);
  for (const command of ['serve', 'migrate']) assert.match(help.stdout, new RegExp(command));
  const unknown = await runApp(cli, ['frobnicate'], {});
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command "frobnicate"/);
});

test('migrate applies the migrations and exits 0', async () => {
  const result = await runApp(cli, ['migrate'], env({ DATA_DIR: join(dir, 'migrate-only') }));
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Migrations applied/);
});
