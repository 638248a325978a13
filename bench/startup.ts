// bench/startup: first start on an empty data dir, restart, and idle RSS of both apps (A-Cube
// and ATTN), for the embedded default (PGlite) and, when TEST_PG_URL points at a PostgreSQL
// server, for PostgreSQL. BENCH_APPS=acube (or attn) measures one.
// Prints the median of several runs and the ratio to the committed baseline beside it.
//   npm run bench:startup                 (embedded only)
//   TEST_PG_URL=postgres://... npm run bench:startup
//   BENCH_SAVE_BASELINE=1 npm run bench:startup    (writes bench/baselines/startup.json)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { spawnApp } from '../packages/platform/src/testing/spawn-app.ts';
import { createEmptyDatabase } from '../packages/platform/src/testing/test-database.ts';
import { rssMb } from './rss.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const APPS = (process.env.BENCH_APPS ?? 'acube,attn').split(',') as ('acube' | 'attn')[];
const cliOf = (app: string) => fileURLToPath(new URL(`../apps/${app}/api/src/cli.ts`, import.meta.url));
const baselineFile = fileURLToPath(new URL('./baselines/startup.json', import.meta.url));

type Figures = Record<string, number>;

async function timeToReady(cli: string, env: Record<string, string>) {
  const started = performance.now();
  const app = await spawnApp(
    cli,
    { ...env, PORT: '0', LOG_LEVEL: 'warn', DEMO_DATA: 'false' },
    { timeoutMs: 60_000 },
  );
  // Never wait for ever: a request that hangs is cut at 5 s, a start that never gets ready at 60 s.
  for (;;) {
    const res = await fetch(`${app.url}/health/ready`, { signal: AbortSignal.timeout(5000) }).catch(
      (error: Error) => ({ status: error.name }),
    );
    if (res.status === 200) break;
    if (performance.now() - started > 60_000) {
      await app.stop();
      throw new Error(`${cli}: not ready after 60 s (last answer ${res.status})`);
    }
    await sleep(20);
  }
  return { app, ms: performance.now() - started };
}

async function oneRun(cli: string, kind: 'embedded' | 'postgres'): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-startup-'));
  const db = kind === 'postgres' ? await createEmptyDatabase('bench_startup') : undefined;
  const env: Record<string, string> = {
    DATA_DIR: join(dir, 'data'),
    ...(db ? { DATABASE_URL: db.url } : {}),
  };
  try {
    const first = await timeToReady(cli, env);
    await first.app.stop();
    const restart = await timeToReady(cli, env);
    await sleep(2000);
    const rss = await rssMb(restart.app.child.pid as number);
    await restart.app.stop();
    return { first_start_ms: first.ms, restart_ms: restart.ms, idle_rss_mb: rss };
  } finally {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

// The reference run beside each measurement: a bare Node HTTP server, started and asked once,
// so a slow or busy machine shows in both numbers and the ratio stays comparable.
const bare = fileURLToPath(new URL('./fixtures/bare-server.mjs', import.meta.url));
async function referenceRun(): Promise<Figures> {
  const started = performance.now();
  const app = await spawnApp(bare, {});
  await fetch(app.url);
  const ms = performance.now() - started;
  await sleep(2000);
  const rss = await rssMb(app.child.pid as number);
  await app.stop();
  return { first_start_ms: ms, restart_ms: ms, idle_rss_mb: rss };
}

function medians(runs: Figures[]): Figures {
  const out: Figures = {};
  for (const key of Object.keys(runs[0] ?? {})) out[key] = median(runs.map((r) => r[key] as number));
  return out;
}

const kinds: ('embedded' | 'postgres')[] = process.env.TEST_PG_URL ? ['embedded', 'postgres'] : ['embedded'];
const baseline: Record<string, Figures> = await readFile(baselineFile, 'utf8')
  .then((text) => JSON.parse(text).figures)
  .catch(() => ({}));
const results: Record<string, Figures> = {};

for (const appName of APPS)
  for (const kind of kinds) {
    const name = `${appName} ${kind}`;
    const runs: Figures[] = [];
    const refs: Figures[] = [];
    for (let i = 0; i < RUNS; i++) {
      refs.push(await referenceRun());
      runs.push(await oneRun(cliOf(appName), kind));
    }
    const figures = medians(runs);
    const reference = medians(refs);
    results[name] = figures;
    console.log(
      `\n${name}: median of ${RUNS} runs | bare Node server beside it | ratio | committed baseline`,
    );
    for (const [key, value] of Object.entries(figures)) {
      const ref = reference[key] as number;
      const base = baseline[name]?.[key];
      console.log(
        `  ${key.padEnd(16)} ${value.toFixed(0).padStart(7)} | ${ref.toFixed(0).padStart(6)} | x${(value / ref).toFixed(1).padStart(5)} | ${base ? `${base.toFixed(0)} (x${(value / base).toFixed(2)})` : 'none'}`,
      );
    }
  }

console.log(
  '\ntarget (embedded, each app): idle_rss_mb at most 350, restart_ms at most 1500, first_start_ms at most 3000',
);

if (process.env.BENCH_SAVE_BASELINE) {
  await writeFile(
    baselineFile,
    `${JSON.stringify({ recorded: new Date().toISOString(), runs: RUNS, figures: results }, null, 2)}\n`,
  );
  console.log(`\nbaseline written to ${baselineFile}`);
}
