// bench/checkin: ATTN's check-in route under wrk (Debian's package), on real PostgreSQL and
// Redis, beside a baseline in the same run: a bare Fastify route doing one pg insert per request
// (bench/fixtures/checkin-baseline-server.ts). Each request checks in a different enrolled
// student of one open session (a roster of BENCH_STUDENTS, default 150,000: more than a 10 s run at full speed needs, so no student checks in twice), so what is measured is accepted
// check-ins: every answer must be a 201, and the rows are counted in the database afterwards.
// Each round opens a fresh session (the same students check in again) and runs ATTN, then the
// baseline; the figures are medians of BENCH_RUNS rounds, the ratio is taken within a round.
// Then a lecture hall on the embedded default (PGlite): BENCH_BURST students within 5 s, paced,
// none lost; and the same number all at once.
//
// PostgreSQL is started by deploy/services/start.sh (which turns fsync and synchronous_commit
// off, fine for tests); unless BENCH_DURABLE=0 it is restarted with both on, so a commit costs
// what it costs in production and "one commit per check-in" is measured for real.
// Login sessions are seeded as just used (a student logs in, then checks in), so the platform's
// once-a-minute session touch is not part of the figure.
//   npm run bench:checkin
//   BENCH_RUNS=5 BENCH_SECONDS=10 BENCH_CONNECTIONS=64 BENCH_DURABLE=0 npm run bench:checkin
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { createDatabase } from '../packages/platform/src/db/create-database.ts';
import { type SpawnedApp, spawnApp } from '../packages/platform/src/testing/spawn-app.ts';
import { median } from './stats.ts';

const run = promisify(execFile);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 150_000);
const BURST = Number(process.env.BENCH_BURST ?? 1000);
const DURABLE = process.env.BENCH_DURABLE !== '0';
const root = fileURLToPath(new URL('..', import.meta.url));
const attnCli = join(root, 'apps/attn/api/src/cli.ts');
const baselineServer = join(root, 'bench/fixtures/checkin-baseline-server.ts');
const quiet = { info() {}, warn() {} };

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** A term, a course, its teacher and `n` enrolled students, each with a live login session. */
async function seed(query: Query, n: number, salt: string) {
  const one = async (text: string, params: unknown[] = []) =>
    (await query(text, params))[0] as { id: string };
  const term = await one(
    `insert into terms (title, starts_on, ends_on) values ('Bench term', current_date - 30, current_date + 60) returning id`,
  );
  const course = await one(
    `insert into courses (term_id, code, title) values ($1, 'BENCH 101', 'Bench course') returning id`,
    [term.id],
  );
  const teacher = await one(
    `insert into users (school_number, full_name, role) values ('bench-teacher', 'Bench Teacher', 'teacher') returning id`,
  );
  await query('insert into course_teachers (course_id, teacher_id) values ($1, $2)', [course.id, teacher.id]);
  await query(
    `insert into users (school_number, full_name, role)
     select 'bench-s' || g, 'Student ' || g, 'student' from generate_series(1, $1::int) g`,
    [n],
  );
  await query(
    `insert into enrollments (course_id, student_id, source)
     select $1, id, 'csv' from users where school_number like 'bench-s%'`,
    [course.id],
  );
  // Student g's cookie token is 'bench-<g>-<salt>'; the table holds its SHA-256, as Sessions does.
  await query(
    `insert into auth_sessions (token_hash, subject, claims, created_at, last_seen_at, expires_at)
     select encode(sha256(convert_to('bench-' || substr(school_number, 8) || '-' || $1, 'UTF8')), 'hex'),
            id::text, jsonb_build_object('schoolNumber', school_number, 'role', role),
            now(), now() + interval '1 day', now() + interval '1 day'
       from users where school_number like 'bench-s%'
     union all
     select encode(sha256(convert_to('bench-teacher-' || $1, 'UTF8')), 'hex'),
            $2::text, jsonb_build_object('schoolNumber', $3::text, 'role', 'teacher'),
            now(), now() + interval '1 day', now() + interval '1 day'`,
    [salt, teacher.id, 'bench-teacher'],
  );
  return { courseId: course.id, teacherCookie: `attn_session=bench-teacher-${salt}` };
}

/** Closes the course's open session, if any, opens a new one with a long step, reads its code. */
async function freshSession(url: string, courseId: string, cookie: string, previous?: string) {
  const headers = { cookie, 'content-type': 'application/json' };
  if (previous)
    await fetch(`${url}/api/teacher/sessions/${previous}/close`, { method: 'POST', headers: { cookie } });
  const opened = await fetch(`${url}/api/teacher/courses/${courseId}/sessions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ duration_minutes: 600, code_step_seconds: 60 }),
  });
  if (opened.status !== 201) throw new Error(`open session: ${opened.status} ${await opened.text()}`);
  const { id } = (await opened.json()) as { id: string };
  const code = (await (
    await fetch(`${url}/api/teacher/sessions/${id}/code`, { headers: { cookie } })
  ).json()) as {
    code: string;
  };
  return { id, code: code.code };
}

// Each wrk thread walks its own stripe of students: every request is a different student.
const LUA = `
local threads = {}
local count = 0
function setup(thread)
  thread:set("tid", count)
  count = count + 1
  table.insert(threads, thread)
end
function init(args)
  session, code, n, salt, nthreads = args[1], args[2], tonumber(args[3]), args[4], tonumber(args[5])
  i = tid
  non201 = 0
end
function request()
  local g = (i % n) + 1
  i = i + nthreads
  local cookie = "attn_session=bench-" .. g .. "-" .. salt
  local body = '{"session_id":"' .. session .. '","code":"' .. code .. '","device_id":"bench-device-' .. g .. '"}'
  return wrk.format("POST", "/api/student/checkins", { ["Content-Type"] = "application/json", ["Cookie"] = cookie }, body)
end
function response(status, headers, body)
  if status ~= 201 then
    non201 = non201 + 1
    if sample == nil then sample = status .. " " .. string.sub(body, 1, 160) end
  end
end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non201")
    local s = t:get("sample")
    if s ~= nil then io.write("SAMPLE " .. s .. "\\n") end
  end
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"non201":%d,"socket_errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad,
    e.connect + e.read + e.write + e.timeout))
end
`;

interface WrkResult {
  requests: number;
  duration_us: number;
  p50_us: number;
  p99_us: number;
  non201: number;
  socket_errors: number;
  sample?: string;
}

async function wrk(
  script: string,
  url: string,
  seconds: number,
  args: (string | number)[],
): Promise<WrkResult> {
  const { stdout } = await run(
    'wrk',
    [
      '-t',
      String(THREADS),
      '-c',
      String(CONNECTIONS),
      '-d',
      `${seconds}s`,
      '--timeout',
      '5s',
      '-s',
      script,
      url,
      '--',
    ].concat(args.map(String)),
    { maxBuffer: 1 << 20 },
  );
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const sample = stdout.split('\n').find((l) => l.startsWith('SAMPLE '));
  return { ...(JSON.parse(line.slice(7)) as WrkResult), ...(sample ? { sample: sample.slice(7) } : {}) };
}

async function asPostgresOwner(cmd: string, args: string[]) {
  if (process.getuid?.() === 0) return run('runuser', ['-u', 'postgres', '--', cmd, ...args]);
  return run(cmd, args);
}

/** Restarts the private PostgreSQL with fsync and synchronous_commit on (their defaults). */
async function makeDurable(state: string, pgUrl: string) {
  const dir = join(state, 'postgres');
  const bin = (await readFile(join(dir, 'bin'), 'utf8')).trim();
  const port = new URL(pgUrl).port;
  await asPostgresOwner(`${bin}/pg_ctl`, [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    'restart',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200`,
  ]);
}

/** The embedded default: 1,000 students within 5 s (paced), then all at once; none may be lost. */
async function burst(work: string, salt: string) {
  const dataDir = join(work, 'burst');
  const migrationsFolder = join(root, 'apps/attn/api/src/db/migrations');
  const db = await createDatabase({ dataDir, migrationsFolder, logger: quiet });
  const pglite = db.pglite;
  if (!pglite) throw new Error('expected PGlite');
  const seeded = await seed(
    async (text, params) => (await pglite.query(text, params)).rows as never,
    BURST,
    salt,
  );
  await db.close();
  const app = await spawnApp(
    attnCli,
    {
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_FILE: 'off',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DEMO_DATA: 'false',
    },
    { timeoutMs: 120_000 },
  );
  try {
    const shapes = [
      ['paced over 5 s', 5000 / BURST],
      ['all at once', 0],
    ] as const;
    let previous: string | undefined;
    for (const [label, gapMs] of shapes) {
      const session = await freshSession(app.url, seeded.courseId, seeded.teacherCookie, previous);
      previous = session.id;
      const started = performance.now();
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      const one = async (g: number) => {
        const wait = started + g * gapMs - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const t0 = performance.now();
        const res = await fetch(`${app.url}/api/student/checkins`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `attn_session=bench-${g + 1}-${salt}` },
          body: JSON.stringify({
            session_id: session.id,
            code: session.code,
            device_id: `bench-device-${g + 1}`,
          }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      };
      await Promise.all(Array.from({ length: BURST }, (_, g) => one(g)));
      const elapsed = (performance.now() - started) / 1000;
      const detail = (await (
        await fetch(`${app.url}/api/teacher/sessions/${session.id}`, {
          headers: { cookie: seeded.teacherCookie },
        })
      ).json()) as { counts: { checked_in: number } };
      latencies.sort((a, b) => a - b);
      const pct = (p: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
      console.log(
        `  ${label.padEnd(15)} ${BURST} students in ${elapsed.toFixed(2)} s: answers ${JSON.stringify(Object.fromEntries(statuses))}, rows ${detail.counts.checked_in}${detail.counts.checked_in === BURST ? ' (none lost)' : ' LOST SOME'}; latency p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
      );
    }
  } finally {
    await app.stop();
  }
}

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
  console.log('  target: ATTN check-in x3.00 or more, p99 under 50 ms');
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
