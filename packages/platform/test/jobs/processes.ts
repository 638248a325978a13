// Real processes of the jobs fixture app on one fresh PostgreSQL database, for the tests across
// processes: start() spawns one more (its own data dir), query() reads the shared database;
// every process is killed and the database dropped when the run ends, failed or not.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type SpawnedApp, spawnApp } from '../../src/testing/spawn-app.ts';
import { createEmptyDatabase } from '../../src/testing/test-database.ts';

const cli = fileURLToPath(new URL('../fixtures/jobs-app/cli.ts', import.meta.url));

export async function withProcesses(
  prefix: string,
  run: (ctx: {
    start(extra?: Record<string, string>): Promise<SpawnedApp>;
    query<T>(text: string, values?: unknown[]): Promise<T[]>;
  }) => Promise<void>,
) {
  const db = await createEmptyDatabase(prefix);
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  const client = new pg.Client({ connectionString: db.url });
  const started: SpawnedApp[] = [];
  try {
    await run({
      start: async (extra = {}) => {
        const app = await spawnApp(cli, {
          PORT: '0',
          DATABASE_URL: db.url,
          DATA_DIR: join(dir, `p${started.length}`),
          LOG_FILE: 'off',
          NODE_ENV: 'test',
          ...extra,
        });
        started.push(app);
        return app;
      },
      query: async (text, values = []) => {
        if (!(client as unknown as { _connected?: boolean })._connected) await client.connect();
        return (await client.query(text, values)).rows;
      },
    });
  } finally {
    for (const app of started) await app.stop('SIGKILL').catch(() => {});
    await client.end().catch(() => {});
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
