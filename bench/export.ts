// bench/export: the audit log's CSV export through our own streaming writer, 1,000,000 rows and
// 10,000 rows, beside PostgreSQL's own `COPY ... TO STDOUT CSV` on the same rows (the
// baseline, run in the same round). Reports rows/s and the exporting process's memory: its
// RSS before the export and its peak during it. Needs PostgreSQL: TEST_PG_URL.
//   TEST_PG_URL=postgres://... npm run bench:export
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../packages/platform/src/db/postgres.ts';
import { createEmptyDatabase } from '../packages/platform/src/testing/test-database.ts';
import { median } from './stats.ts';

const run = promisify(execFile);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BIG = Number(process.env.BENCH_ROWS ?? 1_000_000);
const child = fileURLToPath(new URL('./fixtures/export-child.ts', import.meta.url));
const migrations = fileURLToPath(
  new URL('../packages/platform/test/fixtures/jobs-app/migrations', import.meta.url),
);

if (!process.env.TEST_PG_URL) {
  console.error('bench/export needs PostgreSQL: set TEST_PG_URL (npm test starts one; see deploy/services)');
  process.exit(2);
}

const db = await createEmptyDatabase('bench_export');
try {
  const quiet = { info() {}, warn() {} };
  const database = await openPostgres({
    databaseUrl: db.url,
    migrationsFolder: migrations,
    logger: quiet,
    migrate: true,
  });
  await database.close();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const fill = (entity: string, n: number) =>
    client.query(
      `insert into audit_log (at, actor_id, action, entity, entity_id, changes, ip, request_id)
       select now() - (g || ' seconds')::interval, 'admin-' || (g % 17), 'booking.status_changed', $1, g::text,
              jsonb_build_object('status', jsonb_build_object('from', 'pending', 'to', 'confirmed')),
              '203.0.113.' || (g % 250), 'req-' || g
         from generate_series(1, $2::int) g`,
      [entity, n],
    );
  const filled = performance.now();
  await fill('small', 10_000);
  await fill('big', BIG);
  await client.query('analyze audit_log');
  await client.end();
  console.log(`filled ${BIG + 10_000} rows in ${((performance.now() - filled) / 1000).toFixed(1)} s`);

  const ours = async (entity: string) => {
    const { stdout } = await run(process.execPath, [child], {
      env: { ...process.env, DATABASE_URL: db.url, ENTITY: entity },
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout) as {
      rows: number;
      bytes: number;
      seconds: number;
      rssBeforeMb: number;
      peakMb: number;
    };
  };
  const copy = async (entity: string) => {
    const started = performance.now();
    const { stdout } = await run(
      'psql',
      [
        db.url,
        '-qAt',
        '-c',
        `\\copy (select * from audit_log where entity = '${entity}' order by id) to stdout with csv header`,
      ],
      { maxBuffer: 1 << 30 },
    );
    return { seconds: (performance.now() - started) / 1000, bytes: stdout.length };
  };

  for (const [entity, rows] of [
    ['small', 10_000],
    ['big', BIG],
  ] as const) {
    const mine: Awaited<ReturnType<typeof ours>>[] = [];
    const theirs: Awaited<ReturnType<typeof copy>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      mine.push(await ours(entity));
      theirs.push(await copy(entity));
    }
    const rate = median(mine.map((m) => m.rows / m.seconds));
    const copyRate = median(theirs.map((c) => rows / c.seconds));
    console.log(`\n${rows} rows, median of ${RUNS} runs`);
    console.log(
      `  our CSV export   ${rate.toFixed(0).padStart(9)} rows/s  ${(median(mine.map((m) => m.bytes)) / 1e6).toFixed(1)} MB`,
    );
    console.log(
      `  COPY TO STDOUT   ${copyRate.toFixed(0).padStart(9)} rows/s  (psql, same rows)   ratio x${(rate / copyRate).toFixed(2)}`,
    );
    console.log(
      `  memory: RSS before ${median(mine.map((m) => m.rssBeforeMb)).toFixed(0)} MB, peak ${median(mine.map((m) => m.peakMb)).toFixed(0)} MB, growth ${median(mine.map((m) => m.peakMb - m.rssBeforeMb)).toFixed(0)} MB`,
    );
    if (mine.some((m) => m.rows !== rows))
      console.log(`  ROW COUNT MISMATCH: ${mine.map((m) => m.rows).join(', ')}`);
  }
  console.log(
    "\n  targets: RSS growth under 64 MB at 1,000,000 rows; at least half of COPY's speed (ratio >= 0.50)",
  );
} finally {
  await db.drop();
}
