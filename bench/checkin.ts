import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type SpawnedApp, spawnApp } from '../packages/platform/src/testing/spawn-app.ts';
import { makeDurable } from './checkin/durable-postgres.ts';
import { burst } from './checkin/lecture-hall.ts';
import { freshSession, seed } from './checkin/seed.ts';
import {
  attnCli,
  BURST,
  baselineServer,
  CONNECTIONS,
  DURABLE,
  RUNS,
  root,
  run,
  SECONDS,
  STUDENTS,
  THREADS,
} from './checkin/settings.ts';
import { LUA, wrk } from './checkin/wrk.ts';
import { median } from './stats.ts';

const work = await mkdtemp(join(tmpdir(), 'bench-checkin-'));
// PostgreSQL runs as its own user (when we are root) and must reach its data dir inside.
await chmod(work, 0o755);
const state = join(work, 'services');
const apps: SpawnedApp[] = [];
let servicesStarted = false;
try {
  await run('bash', [join(root, 'deploy/services/ensure-packages.sh'), 'postgres', 'redis', 'wrk']);
  await run('bash', [join(root, 'deploy/services/start.sh'), state, 'postgres', 'redis']);
  servicesStarted = true;
  const env = await readFile(join(state, 'env.sh'), 'utf8');
  const pgUrl = /TEST_PG_URL=(\S+)/.exec(env)?.[1] ?? '';
  const redisUrl = /TEST_REDIS_URL=(\S+)/.exec(env)?.[1] ?? '';
  if (DURABLE) await makeDurable(state, pgUrl);
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('create database attn_bench');
  await admin.query('create database baseline_bench');
  await admin.end();
  const dbUrl = (name: string) => pgUrl.replace(/\/[^/]*$/, `/${name}`);

  const attn = await spawnApp(
    attnCli,
    {
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: dbUrl('attn_bench'),
      REDIS_URL: redisUrl,
      DATA_DIR: join(work, 'attn'),
      PORT: '0',
      LOG_FILE: 'off',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DEMO_DATA: 'false',
      // BENCH_PROFILE=<dir>: a CPU profile of the ATTN process on PostgreSQL, written when it stops.
      ...(process.env.BENCH_PROFILE
        ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
        : {}),
    },
    { timeoutMs: 120_000 },
  );
  apps.push(attn);
  const baseline = await spawnApp(baselineServer, { DATABASE_URL: dbUrl('baseline_bench'), POOL_MAX: '10' });
  apps.push(baseline);

  const salt = randomBytes(8).toString('hex');
  const client = new pg.Client({ connectionString: dbUrl('attn_bench') });
  await client.connect();
  const seededAt = performance.now();
  const seeded = await seed(async (text, params) => (await client.query(text, params)).rows, STUDENTS, salt);
  await client.query('analyze');
  console.log(
    `seeded ${STUDENTS} enrolled students with login sessions in ${((performance.now() - seededAt) / 1000).toFixed(1)} s`,
  );

  const script = join(work, 'checkin.lua');
  await writeFile(script, LUA);
  const baselineClient = new pg.Client({ connectionString: dbUrl('baseline_bench') });
  await baselineClient.connect();
  const walSyncs = async (c: pg.Client) =>
    Number((await c.query('select wal_sync from pg_stat_wal')).rows[0]?.wal_sync ?? 0);

  let previous: string | undefined;
  type Target = 'attn' | 'baseline';
  const measure = async (target: Target, seconds: number) => {
    const session = await freshSession(attn.url, seeded.courseId, seeded.teacherCookie, previous);
    previous = session.id;
    const syncsBefore = await walSyncs(client);
    const url = target === 'baseline' ? baseline.url : attn.url;
    const r = await wrk(script, url, seconds, [session.id, session.code, STUDENTS, salt, THREADS]);
    const count = async (c: pg.Client, table: string) =>
      Number(
        (await c.query(`select count(*)::int as n from ${table} where session_id = $1`, [session.id])).rows[0]
          ?.n,
      );
    const rows =
      target === 'attn'
        ? await count(client, 'checkins')
        : await count(baselineClient, 'bench_baseline_checkins');
    const syncs = (await walSyncs(client)) - syncsBefore;
    return { ...r, rows, rps: r.requests / (r.duration_us / 1e6), syncs };
  };

  const targets = ['attn', 'baseline'] as const;
  for (const target of targets) await measure(target, 3);
  const empty = () => ({
    rps: [] as number[],
    p50: [] as number[],
    p99: [] as number[],
    ratio: [] as number[],
    syncs: [] as number[],
  });
  const figures = { attn: empty(), baseline: empty() };
  const problems: string[] = [];
  for (let round = 0; round < RUNS; round++) {
    const results: Partial<Record<Target, Awaited<ReturnType<typeof measure>>>> = {};
    for (const name of targets) {
      const r = await measure(name, SECONDS);
      results[name] = r;
      figures[name].rps.push(r.rps);
      figures[name].p50.push(r.p50_us / 1000);
      figures[name].p99.push(r.p99_us / 1000);
      figures[name].syncs.push(r.syncs / Math.max(1, r.rows));
      // wrk counts the answers that came back within its run; requests still in flight when it
      // stops may commit too, so the database may hold up to one row per connection more.
      const answered = r.requests - r.non201;
      if (r.non201 > 0 || r.socket_errors > 0 || r.rows < answered || r.rows > answered + CONNECTIONS)
        problems.push(
          `${name} round ${round + 1}: ${r.requests} requests, ${r.non201} refused (${r.sample ?? '-'}), ${r.socket_errors} socket errors, ${r.rows} rows`,
        );
      else if (round === 0)
        console.log(`  ${name}: ${r.requests} answers, all 201; ${r.rows} rows in the database`);
    }
    figures.attn.ratio.push((results.attn?.rps ?? 0) / (results.baseline?.rps ?? 1));
  }

  console.log(
    `\ncheck-in, wrk ${THREADS} threads ${CONNECTIONS} connections, ${SECONDS} s per run, median of ${RUNS} rounds; PostgreSQL ${DURABLE ? 'durable (fsync, synchronous_commit on)' : 'fsync off, synchronous_commit off'}; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`,
  );
  console.log('  server                         req/s   p50 ms   p99 ms   ratio   WAL fsyncs/row');
  const labels = {
    attn: 'ATTN check-in',
    baseline: 'baseline: 1 insert/request',
  } as const;
  for (const name of targets) {
    const f = figures[name];
    const ratio = name === 'baseline' ? '  x1.00' : `  x${median(f.ratio).toFixed(2)}`;
    console.log(
      `  ${labels[name].padEnd(28)} ${median(f.rps).toFixed(0).padStart(6)}  ${median(f.p50).toFixed(1).padStart(7)}  ${median(f.p99).toFixed(1).padStart(7)} ${ratio}   ${DURABLE ? median(f.syncs).toFixed(3) : '-'}`,
    );
  }
  console.log(`  ATTN/baseline per round: ${figures.attn.ratio.map((r) => r.toFixed(2)).join(', ')}`);
  console.log('  target (issue 19): ATTN check-in x1.00 or more of the same-run baseline, p99 under 50 ms');
  for (const p of problems) console.log(`  PROBLEM ${p}`);
  await client.end();
  await baselineClient.end();
  for (const app of apps.splice(0)) await app.stop();

  console.log(`\nlecture hall on the embedded default (PGlite), ${BURST} students`);
  await burst(work, salt);
} finally {
  for (const app of apps) await app.stop().catch(() => {});
  if (servicesStarted) await run('bash', [join(root, 'deploy/services/stop.sh'), state]).catch(() => {});
  await rm(work, { recursive: true, force: true });
}
