// bench/export: A-Cube's audit export job, BENCH_ROWS audit rows (default 1,000,000) as CSV
// through the platform's writer into the app's file store, on PGlite (the file on disk under
// DATA_DIR) and, when TEST_PG_URL is set, on PostgreSQL (the file as chunks in file_chunks).
// Beside each job run, in the same round, its baseline: the same CSV into a byte counter (no
// store); on PostgreSQL also PostgreSQL's own `COPY ... TO STDOUT CSV` of the same rows. Each
// run is its own process; reported: medians of BENCH_RUNS runs (default 3) of the time, and the
// memory growth during the export (RSS high-water mark minus RSS before; the JS heap's too).
//   npm run bench:export                                   PGlite only
//   TEST_PG_URL=postgres://... npm run bench:export        PGlite and PostgreSQL
//   BENCH_ROWS=200000 BENCH_RUNS=1 npm run bench:export    smaller, on a busy machine
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPglite } from '../packages/platform/src/db/pglite.ts';
import { openPostgres } from '../packages/platform/src/db/postgres.ts';
import { createEmptyDatabase } from '../packages/platform/src/testing/test-database.ts';
import { median } from './stats.ts';

const run = promisify(execFile);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const TARGET_MB = 64;
const child = fileURLToPath(new URL('./fixtures/export-child.ts', import.meta.url));
const migrations = fileURLToPath(new URL('../apps/acube/api/src/db/migrations', import.meta.url));
const quiet = { info() {}, warn() {} };

// The rows: one entity, varied actors, a JSON change, an IP and a request id each.
const FILL = `insert into audit_log (at, actor_id, action, entity, entity_id, changes, ip, request_id)
  select now() - (g || ' seconds')::interval, 'admin-' || (g % 17), 'booking.status_changed', 'big', g::text,
         jsonb_build_object('status', jsonb_build_object('from', 'pending', 'to', 'confirmed')),
         '203.0.113.' || (g % 250), 'req-' || g
    from generate_series($1::int, $2::int) g`;

interface Run {
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
  heapBeforeMb: number;
  peakHeapMb: number;
}

async function exportRun(mode: 'job' | 'sink', env: Record<string, string>): Promise<Run> {
  const { stdout } = await run(process.execPath, ['--expose-gc', child], {
    env: { ...process.env, ...env, MODE: mode, ENTITY: 'big' },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Run;
}

async function copyRun(url: string): Promise<{ seconds: number }> {
  const started = performance.now();
  await run(
    'psql',
    [
      url,
      '-qAt',
      '-c',
      `\\copy (select * from audit_log where entity = 'big' order by id) to '/dev/null' with csv header`,
    ],
    { maxBuffer: 1 << 20 },
  );
  return { seconds: (performance.now() - started) / 1000 };
}

function report(title: string, jobs: Run[], sinks: Run[], copies: { seconds: number }[]) {
  const secs = median(jobs.map((r) => r.seconds));
  const sinkSecs = median(sinks.map((r) => r.seconds));
  const growth = median(jobs.map((r) => r.peakRssMb - r.rssBeforeMb));
  const heap = median(jobs.map((r) => r.peakHeapMb - r.heapBeforeMb));
  const sinkGrowth = median(sinks.map((r) => r.peakRssMb - r.rssBeforeMb));
  console.log(`\n${title}: ${ROWS} rows, median of ${RUNS} runs`);
  console.log(
    `  export job into the store  ${secs.toFixed(1).padStart(6)} s  ${(ROWS / secs).toFixed(0).padStart(7)} rows/s  ${(median(jobs.map((r) => r.bytes)) / 1e6).toFixed(1)} MB stored`,
  );
  console.log(
    `  baseline: CSV, no store    ${sinkSecs.toFixed(1).padStart(6)} s  ${(ROWS / sinkSecs).toFixed(0).padStart(7)} rows/s  ratio job/baseline x${(secs / sinkSecs).toFixed(2)}`,
  );
  if (copies.length > 0) {
    const copySecs = median(copies.map((c) => c.seconds));
    console.log(
      `  COPY TO (psql, /dev/null)  ${copySecs.toFixed(1).padStart(6)} s  ${(ROWS / copySecs).toFixed(0).padStart(7)} rows/s  ratio job/COPY x${(secs / copySecs).toFixed(2)}`,
    );
  }
  console.log(
    `  memory growth of the job: RSS +${growth.toFixed(0)} MB (before ${median(jobs.map((r) => r.rssBeforeMb)).toFixed(0)} MB), JS heap +${heap.toFixed(0)} MB; baseline RSS +${sinkGrowth.toFixed(0)} MB; target under ${TARGET_MB} MB: ${growth < TARGET_MB ? 'met' : 'MISSED'}`,
  );
  const wrong = [...jobs, ...sinks].filter((r) => r.rows !== ROWS);
  if (wrong.length > 0) console.log(`  ROW COUNT MISMATCH: ${wrong.map((r) => r.rows).join(', ')}`);
}

async function rounds(env: Record<string, string>, url?: string) {
  const jobs: Run[] = [];
  const sinks: Run[] = [];
  const copies: { seconds: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    jobs.push(await exportRun('job', env));
    sinks.push(await exportRun('sink', env));
    if (url) copies.push(await copyRun(url));
  }
  return { jobs, sinks, copies };
}

console.log(`bench:export on ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}`);

// PGlite: a data dir with A-Cube's schema and the rows, then closed for the runs to open.
const dir = await mkdtemp(join(tmpdir(), 'bench-export-'));
try {
  const filled = performance.now();
  const database = await openPglite({
    dataDir: dir,
    migrationsFolder: migrations,
    logger: quiet,
    migrate: true,
  });
  const pglite = database.pglite;
  if (!pglite) throw new Error('PGlite expected');
  for (let from = 1; from <= ROWS; from += 100_000) {
    await pglite.query(FILL, [from, Math.min(ROWS, from + 99_999)]);
  }
  // Settled as a real audit log is (read before, hint bits set): a table loaded a moment ago makes
  // its first reader write every page again, a one-off cost that is not the export's.
  await pglite.query('vacuum analyze audit_log');
  await pglite.query('checkpoint');
  await database.close();
  console.log(`PGlite: filled ${ROWS} rows in ${((performance.now() - filled) / 1000).toFixed(1)} s`);
  const { jobs, sinks } = await rounds({ DATA_DIR: dir, DATABASE_URL: '' });
  report('PGlite (file on disk under DATA_DIR)', jobs, sinks, []);
  // Measured beside it: PGlite's own first reads of a large table (about 40,000 rows, with or
  // without a store) lift its process's RSS by some 500 MB that no gc() frees, then it falls back
  // and stays flat for any further rows; the JS heap does not grow with them.
  console.log(
    '  (on PGlite compare the job with its baseline: the engine itself makes most of the RSS growth)',
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

if (!process.env.TEST_PG_URL) {
  console.log('\nPostgreSQL skipped: set TEST_PG_URL (npm test starts one; see deploy/services)');
} else {
  const db = await createEmptyDatabase('bench_export');
  const work = await mkdtemp(join(tmpdir(), 'bench-export-pg-'));
  try {
    const database = await openPostgres({
      databaseUrl: db.url,
      migrationsFolder: migrations,
      logger: quiet,
      migrate: true,
    });
    await database.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const filled = performance.now();
    await client.query(FILL, [1, ROWS]);
    await client.query('vacuum analyze audit_log');
    await client.query('checkpoint');
    await client.end();
    console.log(`\nPostgreSQL: filled ${ROWS} rows in ${((performance.now() - filled) / 1000).toFixed(1)} s`);
    const { jobs, sinks, copies } = await rounds({ DATA_DIR: work, DATABASE_URL: db.url }, db.url);
    report('PostgreSQL (file as 256 KiB chunks in file_chunks)', jobs, sinks, copies);
  } finally {
    await db.drop();
    await rm(work, { recursive: true, force: true });
  }
}
