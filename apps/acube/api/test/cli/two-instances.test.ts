import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEmptyDatabase, spawnApp, testDbKind } from '@campus/platform/testing';
import pg from 'pg';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const migrations = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));

test('two instances started at the same instant on one empty PostgreSQL both become ready, and migrations run once', {
  skip: testDbKind() !== 'postgres' && 'needs PostgreSQL: the embedded database allows one process',
}, async () => {
  const empty = await createEmptyDatabase('acube_twins');
  const dir = await mkdtemp(join(tmpdir(), 'acube-twins-'));
  try {
    const env = (n: number) => ({
      PORT: '0',
      DATABASE_URL: empty.url,
      DATA_DIR: join(dir, `d${n}`),
      DEMO_DATA: 'false',
    });
    const [a, b] = await Promise.all([spawnApp(cli, env(1)), spawnApp(cli, env(2))]);
    for (const instance of [a, b]) assert.equal((await fetch(`${instance.url}/health/ready`)).status, 200);
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    const { rows } = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    await client.end();
    const files = (await readdir(migrations)).filter((f) => f.endsWith('.sql'));
    assert.equal(rows[0].n, files.length);
    assert.equal(await a.stop(), 0);
    assert.equal(await b.stop(), 0);
  } finally {
    await empty.drop();
    await rm(dir, { recursive: true, force: true });
  }
});
