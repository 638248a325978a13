// bench:login: a lecture hall logging in to ATTN at once from one address (one NAT), on the
// embedded default (PGlite, limits in memory) and on PostgreSQL + Redis (limits in Redis).
// First with the default limits: how many get 429, what Retry-After says, and how long until
// every student is in when each retries after Retry-After; then with the `auth` limit raised by
// configuration. Same-run baseline: one argon2id verify with the app's parameters, alone.
//   LOGIN_STUDENTS=500 LOGIN_RUNS=1 LOGIN_TARGETS=embedded,postgres npm run bench:login
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import { SignJWT } from 'jose';
import pg from 'pg';
import { OWASP_ARGON2ID, PasswordHasher } from '../packages/platform/src/auth/passwords.ts';
import { type SpawnedApp, spawnApp } from '../packages/platform/src/testing/spawn-app.ts';
import { type Query, seed, seedEmbedded } from './checkin/seed.ts';
import { attnCli, root, run } from './checkin/settings.ts';
import { median } from './stats.ts';

const STUDENTS = Number(process.env.LOGIN_STUDENTS ?? 500);
const RUNS = Number(process.env.LOGIN_RUNS ?? 1);
const TARGETS = (process.env.LOGIN_TARGETS ?? 'embedded,postgres').split(',').map((s) => s.trim());
const PASSWORD = 'a lecture hall passphrase';
const RAISED = '100000/minute;1000000/hour';

/** Median of `n` argon2id verifies of one hash, one at a time, in ms. */
async function argon2Verify(n: number, params = OWASP_ARGON2ID) {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, ...params });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await argon2.verify(hash, PASSWORD);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** `n` verifies all at once (as many as libuv's threads run together): verifies per second. */
async function argon2Parallel(n: number) {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, ...OWASP_ARGON2ID });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, () => argon2.verify(hash, PASSWORD)));
  return n / ((performance.now() - t0) / 1000);
}

/**
 * The shape of a login without a server: an argon2id verify, then an HS256 JWT signed with jose
 * (as the device cookie is: WebCrypto, on libuv's thread pool like argon2), `n` at once. Either
 * all verifies are queued at once, or at most `slots` run together (a login queue). Completion
 * times p50/p99 and the time until the last, ms.
 */
async function loginShape(n: number, slots: number | undefined) {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, ...OWASP_ARGON2ID });
  const key = new TextEncoder().encode(randomBytes(32).toString('hex'));
  let free = slots ?? Number.POSITIVE_INFINITY;
  const waiting: (() => void)[] = [];
  const t0 = performance.now();
  const one = async () => {
    if (free <= 0) await new Promise<void>((r) => waiting.push(r));
    else free--;
    try {
      await argon2.verify(hash, PASSWORD);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
    await new SignJWT({ nonce: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    return performance.now() - t0;
  };
  const done = (await Promise.all(Array.from({ length: n }, one))).sort((a, b) => a - b);
  return { p50: pct(done, 50), p99: pct(done, 99), last: done.at(-1) ?? 0 };
}

interface Burst {
  statuses: Record<number, number>;
  retryAfter: number[];
  /** Latency of the logins that succeeded on their first try, ms. */
  ok: number[];
  firstWaveS: number;
  allInS: number;
  rounds: number;
}

/** Every student logs in at once; one answered 429 waits Retry-After seconds and tries again. */
async function burst(url: string): Promise<Burst> {
  const statuses: Record<number, number> = {};
  const retryAfter: number[] = [];
  const ok: number[] = [];
  let rounds = 1;
  let firstWaveEnd = 0;
  const started = performance.now();
  const one = async (g: number) => {
    for (let attempt = 1; ; attempt++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ school_number: `bench-s${g}`, password: PASSWORD }),
      });
      await res.arrayBuffer();
      const t1 = performance.now();
      if (attempt === 1) {
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        firstWaveEnd = Math.max(firstWaveEnd, t1);
      }
      if (res.status === 200) {
        if (attempt === 1) ok.push(t1 - t0);
        return t1;
      }
      if (res.status !== 429 && res.status !== 503)
        throw new Error(`student ${g}: ${res.status} ${res.statusText}`);
      const after = Number(res.headers.get('retry-after') ?? 1);
      if (attempt === 1) retryAfter.push(after);
      rounds = Math.max(rounds, attempt + 1);
      if (attempt > 20) throw new Error(`student ${g}: still ${res.status} after 20 tries`);
      await new Promise((r) => setTimeout(r, after * 1000));
    }
  };
  const ends = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => one(i + 1)));
  return {
    statuses,
    retryAfter,
    ok,
    firstWaveS: (firstWaveEnd - started) / 1000,
    allInS: (Math.max(...ends) - started) / 1000,
    rounds,
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function report(target: string, limits: string, runs: Burst[]) {
  const b = runs[0] as Burst;
  const lat = runs.map((r) => [...r.ok].sort((x, y) => x - y));
  const p50 = median(lat.map((l) => pct(l, 50)));
  const p99 = median(lat.map((l) => pct(l, 99)));
  // Logins per second: the first wave's successes over the time until its last answer.
  const rate = median(runs.map((r) => r.ok.length / r.firstWaveS));
  const ra = [...b.retryAfter].sort((x, y) => x - y);
  const limited = b.statuses[429] ?? 0;
  const row = {
    target,
    limits,
    statuses: JSON.stringify(b.statuses),
    limited,
    retryAfter: limited ? `${ra[0]}-${ra.at(-1)} s (median ${median(ra)})` : '-',
    p50,
    p99,
    rate,
    firstWave: median(runs.map((r) => r.firstWaveS)),
    allIn: median(runs.map((r) => r.allInS)),
    rounds: b.rounds,
  };
  console.log(
    `  ${target.padEnd(9)} ${limits.padEnd(8)} first try ${row.statuses}; 429 ${limited}, Retry-After ${row.retryAfter}; ok p50 ${p50.toFixed(0)} ms p99 ${p99.toFixed(0)} ms; ${rate.toFixed(1)} logins/s; first wave ${row.firstWave.toFixed(1)} s; all ${STUDENTS} in after ${row.allIn.toFixed(1)} s (${row.rounds} tries at most)`,
  );
  return row;
}

const env = (extra: Record<string, string>) => ({
  NODE_ENV: 'production',
  APP_SECRET: randomBytes(32).toString('hex'),
  PORT: '0',
  LOG_FILE: 'off',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  DEMO_DATA: 'false',
  ...extra,
});

/** A roster of STUDENTS with one password (hashed once with the app's parameters). */
async function seedRoster(query: Query) {
  await seed(query, STUDENTS, randomBytes(8).toString('hex'));
  const hash = await new PasswordHasher().hash(PASSWORD);
  await query(`update users set password_hash = $1 where school_number like 'bench-s%'`, [hash]);
}

/** Default limits once, then RUNS bursts with the `auth` limit raised; a fresh server each. */
async function phases(target: string, start: (extra: Record<string, string>) => Promise<SpawnedApp>) {
  const rows = [];
  let app = await start({});
  try {
    rows.push(report(target, 'default', [await burst(app.url)]));
  } finally {
    await app.stop();
  }
  const raised: Burst[] = [];
  for (let i = 0; i < RUNS; i++) {
    app = await start({ RATE_LIMIT_AUTH: RAISED });
    try {
      raised.push(await burst(app.url));
    } finally {
      await app.stop();
    }
  }
  rows.push(report(target, 'raised', raised));
  return rows;
}

const work = await mkdtemp(join(tmpdir(), 'bench-login-'));
await chmod(work, 0o755);
const state = join(work, 'services');
let servicesStarted = false;
const rows: ReturnType<typeof report>[] = [];
try {
  console.log(
    `login burst: ${STUDENTS} students at once from one address; ${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  const verifyBefore = await argon2Verify(15);
  const parallel = await argon2Parallel(32);
  console.log(
    `  baseline: one argon2id verify (m=${OWASP_ARGON2ID.memoryCost} KiB, t=${OWASP_ARGON2ID.timeCost}, p=${OWASP_ARGON2ID.parallelism}) median ${verifyBefore.toFixed(1)} ms; 32 at once: ${parallel.toFixed(1)} verifies/s`,
  );

  if (TARGETS.includes('embedded')) {
    const dataDir = join(work, 'embedded');
    await seedEmbedded(dataDir, seedRoster);
    rows.push(
      ...(await phases('embedded', (extra) =>
        spawnApp(attnCli, env({ DATA_DIR: dataDir, ...extra }), { timeoutMs: 120_000 }),
      )),
    );
  }

  if (TARGETS.includes('postgres')) {
    await run('bash', [join(root, 'deploy/services/ensure-packages.sh'), 'postgres', 'redis']);
    await run('bash', [join(root, 'deploy/services/start.sh'), state, 'postgres', 'redis']);
    servicesStarted = true;
    const vars = await readFile(join(state, 'env.sh'), 'utf8');
    const pgUrl = /TEST_PG_URL=(\S+)/.exec(vars)?.[1] ?? '';
    const redisUrl = /TEST_REDIS_URL=(\S+)/.exec(vars)?.[1] ?? '';
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('create database attn_login');
    await admin.end();
    const dbUrl = pgUrl.replace(/\/[^/]*$/, '/attn_login');
    let prefix = 0;
    const start = (extra: Record<string, string>) =>
      spawnApp(
        attnCli,
        env({
          DATABASE_URL: dbUrl,
          REDIS_URL: redisUrl,
          // A fresh prefix per server: the counters of the previous burst do not carry over.
          REDIS_PREFIX: `attn-login-${++prefix}:`,
          DATA_DIR: join(work, 'pg-data'),
          ...extra,
        }),
        { timeoutMs: 120_000 },
      );
    // The first start migrates the database; then the roster goes in.
    await (await start({})).stop();
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    await seedRoster(async (text, params) => (await client.query(text, params)).rows);
    await client.end();
    rows.push(...(await phases('postgres', start)));
  }

  const verifyAfter = await argon2Verify(15);
  const parallelAfter = await argon2Parallel(32);
  const queueSlots = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const shapeAll = await loginShape(STUDENTS, undefined);
  const shapeQueued = await loginShape(STUDENTS, queueSlots);
  const verify = median([verifyBefore, verifyAfter]);
  console.log(
    `\nlogin burst, ${STUDENTS} students from one address, ${RUNS} raised run(s) (median); load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`,
  );
  console.log(
    `  same-run baseline: one argon2id verify ${verifyBefore.toFixed(1)} ms before, ${verifyAfter.toFixed(1)} ms after; 32 at once: ${parallel.toFixed(1)} verifies/s before, ${parallelAfter.toFixed(1)} after`,
  );
  console.log(
    '  target     limits     429  Retry-After               p50 ms  p99 ms  logins/s  first wave s  all in s  x argon2 verify (p50)',
  );
  for (const r of rows)
    console.log(
      `  ${r.target.padEnd(9)}  ${r.limits.padEnd(8)} ${String(r.limited).padStart(5)}  ${r.retryAfter.padEnd(24)} ${r.p50.toFixed(0).padStart(6)}  ${r.p99.toFixed(0).padStart(6)}  ${r.rate.toFixed(1).padStart(8)}  ${r.firstWave.toFixed(1).padStart(12)}  ${r.allIn.toFixed(1).padStart(8)}  x${(r.p50 / verify).toFixed(1)}`,
    );
  const best = Math.max(parallel, parallelAfter);
  console.log(
    `  argon2 alone, 32 at once in this process: about ${best.toFixed(0)} verifies/s (${STUDENTS} would take ${(STUDENTS / best).toFixed(1)} s)`,
  );
  console.log(
    `  without a server, ${STUDENTS} x (argon2id verify, then a jose HS256 sign): all queued at once p50 ${shapeAll.p50.toFixed(0)} ms p99 ${shapeAll.p99.toFixed(0)} ms last ${shapeAll.last.toFixed(0)} ms; at most ${queueSlots} verifies at a time p50 ${shapeQueued.p50.toFixed(0)} ms p99 ${shapeQueued.p99.toFixed(0)} ms last ${shapeQueued.last.toFixed(0)} ms`,
  );
} finally {
  if (servicesStarted) await run('bash', [join(root, 'deploy/services/stop.sh'), state]).catch(() => {});
  await rm(work, { recursive: true, force: true });
}
