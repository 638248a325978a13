// A-Cube and ATTN started at once from one folder on the embedded default: each gets its own
// data/<app>/ and both answer ready, then again after both restart.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnApp, testDbKind } from '@campus/platform/testing';

const acube = fileURLToPath(new URL('../../../../acube/api/src/cli.ts', import.meta.url));
const attn = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

test('acube and attn run side by side in one folder, each in its own data dir', {
  skip: testDbKind() !== 'pglite' && 'the embedded default is what runs side by side in one folder',
  timeout: 300_000,
}, async () => {
  const cwd = await mkdtemp(join(tmpdir(), 'side-by-side-'));
  const env = { PORT: '0', LOG_FILE: 'off' };
  try {
    for (let round = 0; round < 2; round++) {
      // Two first starts at once (files laid down, migrations, demo data) on a loaded 2-core
      // machine took over 30 s: the wait is for readiness, not a timing claim.
      const opts = { cwd, timeoutMs: 120_000 };
      const [a, b] = await Promise.all([spawnApp(acube, env, opts), spawnApp(attn, env, opts)]);
      try {
        for (const app of [a, b]) {
          const res = await fetch(`${app.url}/health/ready`);
          assert.equal(res.status, 200, app.output());
        }
        assert.notEqual(a.url, b.url);
      } finally {
        assert.equal(await a.stop(), 0);
        assert.equal(await b.stop(), 0);
      }
    }
    assert.ok(existsSync(join(cwd, 'data', 'acube')));
    assert.ok(existsSync(join(cwd, 'data', 'attn')));
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});
