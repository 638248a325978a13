// bench:soak: mixed traffic against each app on the embedded default (PGlite) for SOAK_MINUTES
// (default 10) after a warm-up, printing the server's RSS at the start, every minute and at the
// end, with request and error counts. RSS growing more than 10 % from start to end is flagged as
// a leak. Not part of `npm test`.
//   SOAK_MINUTES=10 SOAK_APPS=attn,acube SOAK_RPS=20 SOAK_WARMUP_SECONDS=60 npm run bench:soak
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PasswordHasher } from '../packages/platform/src/auth/passwords.ts';
import { createDatabase } from '../packages/platform/src/db/create-database.ts';
import { type SpawnedApp, spawnApp } from '../packages/platform/src/testing/spawn-app.ts';
import { freshSession, seed } from './checkin/seed.ts';
import { attnCli, quiet, root } from './checkin/settings.ts';
import { median } from './stats.ts';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RPS = Number(process.env.SOAK_RPS ?? 20);
const WARMUP_S = Number(process.env.SOAK_WARMUP_SECONDS ?? 60);
const APPS = (process.env.SOAK_APPS ?? 'attn,acube').split(',').map((s) => s.trim());
const MAX_IN_FLIGHT = 32;
const STUDENTS = 2000;
const PASSWORD = 'soak-student-passphrase';
const acubeCli = join(root, 'apps/acube/api/src/cli.ts');
const HIGH = '1000000/minute;10000000/hour';

/** Resident set size of a process in MB, from /proc. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

type Op = { name: string; weight: number; run: () => Promise<number>; ok: (status: number) => boolean };

interface Tally {
  requests: Map<string, number>;
  errors: Map<string, number>;
  /** Requests not sent because MAX_IN_FLIGHT were still waiting: the server fell behind. */
  skipped: number;
  latencies: number[];
  byOp: Map<string, number[]>;
}
const newTally = (): Tally => ({
  requests: new Map(),
  errors: new Map(),
  skipped: 0,
  latencies: [],
  byOp: new Map(),
});
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** Fires weighted operations at RPS (at most MAX_IN_FLIGHT at once) until `until`. */
async function drive(ops: Op[], until: number, tally: Tally) {
  const total = ops.reduce((a, o) => a + o.weight, 0);
  const pick = () => {
    let r = Math.random() * total;
    for (const o of ops) {
      r -= o.weight;
      if (r < 0) return o;
    }
    return ops[ops.length - 1] as Op;
  };
  const inFlight = new Set<Promise<void>>();
  const gap = 1000 / RPS;
  let next = performance.now();
  while (Date.now() < until) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    next += gap;
    if (inFlight.size >= MAX_IN_FLIGHT) {
      tally.skipped++;
      continue;
    }
    const op = pick();
    const t0 = performance.now();
    const p = op
      .run()
      .then((status) => {
        const ms = performance.now() - t0;
        tally.latencies.push(ms);
        const list = tally.byOp.get(op.name) ?? [];
        list.push(ms);
        tally.byOp.set(op.name, list);
        bump(tally.requests, op.name);
        if (!op.ok(status)) {
          const key = `${op.name} ${status}`;
          bump(tally.errors, key);
        }
      })
      .catch((e: Error) => {
        bump(tally.requests, op.name);
        bump(tally.errors, `${op.name} ${e.name}: ${e.message}`);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
}

/** Warm-up, then MINUTES of traffic with RSS every minute; returns the figures for the table. */
async function soak(name: string, app: SpawnedApp, ops: Op[], background?: () => Promise<void>) {
  const pid = app.child.pid ?? 0;
  console.log(
    `\n${name}: warm-up ${WARMUP_S} s at ${RPS} req/s (RSS after start ${(await rssMb(pid)).toFixed(0)} MB)`,
  );
  await drive(ops, Date.now() + WARMUP_S * 1000, newTally());
  const start = await rssMb(pid);
  console.log(
    `  minute  RSS MB  requests  errors  skipped  p50 ms  p99 ms  (start: RSS ${start.toFixed(0)} MB)`,
  );
  const all = newTally();
  const rss = [start];
  for (let minute = 1; minute <= MINUTES; minute++) {
    const t = newTally();
    const bg = background?.();
    await drive(ops, Date.now() + 60_000, t);
    await bg;
    for (const [k, v] of t.requests) all.requests.set(k, (all.requests.get(k) ?? 0) + v);
    for (const [k, v] of t.errors) all.errors.set(k, (all.errors.get(k) ?? 0) + v);
    all.latencies.push(...t.latencies);
    all.skipped += t.skipped;
    for (const [k, v] of t.byOp) all.byOp.set(k, (all.byOp.get(k) ?? []).concat(v));
    const now = await rssMb(pid);
    rss.push(now);
    t.latencies.sort((a, b) => a - b);
    const pct = (p: number) => t.latencies[Math.floor((p / 100) * (t.latencies.length - 1))] ?? 0;
    console.log(
      `  ${String(minute).padStart(6)}  ${now.toFixed(0).padStart(6)}  ${String(sum(t.requests)).padStart(8)}  ${String(sum(t.errors)).padStart(6)}  ${String(t.skipped).padStart(7)}  ${pct(50).toFixed(1).padStart(6)}  ${pct(99).toFixed(1).padStart(6)}`,
    );
  }
  const end = rss.at(-1) ?? start;
  const growth = ((end - start) / start) * 100;
  console.log(
    `  ${name}: RSS ${start.toFixed(0)} MB at start, ${end.toFixed(0)} MB at end (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %), peak ${Math.max(...rss).toFixed(0)} MB, median ${median(rss).toFixed(0)} MB${growth > 10 ? '  LEAK? growth over 10 %' : '  (no leak: growth within 10 %)'}`,
  );
  console.log(`  requests: ${sum(all.requests)} ${JSON.stringify(Object.fromEntries(all.requests))}`);
  console.log(`  errors:   ${sum(all.errors)} ${JSON.stringify(Object.fromEntries(all.errors))}`);
  const perOp = [...all.byOp].map(([k, v]) => `${k} ${median(v).toFixed(0)}`).join(', ');
  console.log(`  median ms per operation: ${perOp}`);
  all.latencies.sort((a, b) => a - b);
  const p = (q: number) => all.latencies[Math.floor((q / 100) * (all.latencies.length - 1))] ?? 0;
  if (all.skipped)
    console.log(
      `  skipped:  ${all.skipped} (${MAX_IN_FLIGHT} requests were still waiting: the server fell behind ${RPS} req/s)`,
    );
  return {
    name,
    start,
    end,
    growth,
    requests: sum(all.requests),
    errors: sum(all.errors),
    skipped: all.skipped,
    p50: p(50),
    p99: p(99),
  };
}

const call = async (url: string, init: RequestInit = {}) => {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  await res.arrayBuffer();
  return res.status;
};
const json = (body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify(body),
});

async function soakAttn(work: string) {
  const dataDir = join(work, 'attn');
  const salt = randomBytes(8).toString('hex');
  const db = await createDatabase({
    dataDir,
    migrationsFolder: join(root, 'apps/attn/api/src/db/migrations'),
    logger: quiet,
  });
  const pglite = db.pglite;
  if (!pglite) throw new Error('expected PGlite');
  const seeded = await seed(
    async (text, params) => (await pglite.query(text, params)).rows as never,
    STUDENTS,
    salt,
  );
  const hash = await new PasswordHasher().hash(PASSWORD);
  await pglite.query(`update users set password_hash = $1 where school_number like 'bench-s%'`, [hash]);
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
      ...Object.fromEntries(
        ['AUTH', 'TICKET', 'USER', 'STUDENT', 'TEACHER', 'ADMIN'].map((p) => [`RATE_LIMIT_${p}`, HIGH]),
      ),
    },
    { timeoutMs: 120_000 },
  );
  try {
    const url = app.url;
    const teacher = { cookie: seeded.teacherCookie };
    const student = (g: number) => ({ cookie: `attn_session=bench-${g}-${salt}` });
    let session = await freshSession(url, seeded.courseId, seeded.teacherCookie);
    let next = 1; // next student to check in to the current session
    let live: AbortController | undefined;
    const hold = (id: string) => {
      live?.abort();
      const c = new AbortController();
      live = c;
      // The teacher's live view: held open, read until the session changes.
      void fetch(`${url}/api/teacher/sessions/${id}/live`, { headers: teacher, signal: c.signal })
        .then(async (res) => {
          for await (const _ of res.body ?? []) {
            /* drain */
          }
        })
        .catch(() => {});
    };
    hold(session.id);
    // Each minute: a new session is opened (the previous one closed), its live view held open,
    // and its code read again every 20 s.
    const background = async () => {
      session = await freshSession(url, seeded.courseId, seeded.teacherCookie, session.id);
      next = 1;
      hold(session.id);
      for (let i = 0; i < 2; i++) {
        await new Promise((r) => setTimeout(r, 20_000));
        const res = await fetch(`${url}/api/teacher/sessions/${session.id}/code`, { headers: teacher });
        session.code = ((await res.json()) as { code: string }).code;
      }
    };
    const any = () => 1 + Math.floor(Math.random() * STUDENTS);
    const ok2 = (s: number) => s >= 200 && s < 300;
    const ops: Op[] = [
      {
        name: 'login',
        weight: 5,
        run: () =>
          call(`${url}/api/auth/login`, json({ school_number: `bench-s${any()}`, password: PASSWORD })),
        ok: ok2,
      },
      {
        name: 'student courses',
        weight: 20,
        run: () => call(`${url}/api/student/courses`, { headers: student(any()) }),
        ok: ok2,
      },
      {
        name: 'teacher courses',
        weight: 5,
        run: () => call(`${url}/api/teacher/courses`, { headers: teacher }),
        ok: ok2,
      },
      {
        name: 'check-in',
        weight: 40,
        run: () => {
          const g = next > STUDENTS ? any() : next++;
          return call(
            `${url}/api/student/checkins`,
            json({ session_id: session.id, code: session.code, device_id: `soak-device-${g}` }, student(g)),
          );
        },
        // A student already checked in to this session (once all have) answers 409.
        ok: (s) => ok2(s) || s === 409,
      },
      {
        name: 'session checkins',
        weight: 10,
        run: () => call(`${url}/api/teacher/sessions/${session.id}/checkins`, { headers: teacher }),
        ok: ok2,
      },
      {
        name: 'course report',
        weight: 5,
        run: () => call(`${url}/api/teacher/courses/${seeded.courseId}/report`, { headers: teacher }),
        ok: ok2,
      },
      {
        name: 'student history',
        weight: 15,
        run: () => call(`${url}/api/student/history`, { headers: student(any()) }),
        ok: ok2,
      },
    ];
    try {
      return await soak('ATTN', app, ops, background);
    } finally {
      live?.abort();
    }
  } finally {
    await app.stop();
  }
}

async function soakAcube(work: string) {
  const app = await spawnApp(
    acubeCli,
    {
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: join(work, 'acube'),
      PORT: '0',
      LOG_FILE: 'off',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DEMO_DATA: 'true',
      // The proof-of-work bot check is a browser's job; configuration turns it off (as the HTTP tests do).
      BOT_CHECK: 'off',
      PUBLIC_MAIL_PER_ADDRESS_PER_DAY: '1000',
      ...Object.fromEntries(
        ['PUBLIC', 'AUTH', 'REFRESH', 'CHALLENGE', 'ADMIN'].map((p) => [`RATE_LIMIT_${p}`, HIGH]),
      ),
    },
    { timeoutMs: 120_000 },
  );
  try {
    const url = app.url;
    const admin = { email: 'admin@acube.demo', password: 'demo-superadmin-pass' };
    const login = await fetch(`${url}/api/admin/auth/login`, json(admin));
    if (login.status !== 200) throw new Error(`admin login: ${login.status} ${await login.text()}`);
    const token = ((await login.json()) as { access_token: string }).access_token;
    const auth = { authorization: `Bearer ${token}` };
    const events = (await (await fetch(`${url}/api/events`)).json()) as { items: { id: string }[] };
    const eventIds = events.items.map((e) => e.id);
    if (!eventIds.length) throw new Error('no public events in the demo data');
    let n = 0;
    const email = () => `soak-${++n}-${randomBytes(3).toString('hex')}@example.org`;
    const year = new Date().getUTCFullYear() + 1;
    const ok2 = (s: number) => s >= 200 && s < 300;
    const ops: Op[] = [
      { name: 'events', weight: 30, run: () => call(`${url}/api/events`), ok: ok2 },
      {
        name: 'event page',
        weight: 10,
        run: () => call(`${url}/api/events/${eventIds[n % eventIds.length]}`),
        ok: ok2,
      },
      {
        name: 'register',
        weight: 10,
        run: () =>
          call(
            `${url}/api/events/${eventIds[n % eventIds.length]}/register`,
            json({ name: 'Soak', email: email() }),
          ),
        ok: ok2,
      },
      {
        name: 'booking',
        weight: 10,
        run: () =>
          call(
            `${url}/api/sessions/book`,
            json({
              email: email(),
              name: 'Soak',
              phone: '1234567890',
              session_type: 'individual',
              preferred_date: `${year}-0${1 + (n % 9)}-1${n % 10}`,
              message: 'Soak test',
            }),
          ),
        ok: ok2,
      },
      {
        name: 'contact',
        weight: 10,
        run: () =>
          call(
            `${url}/api/contact`,
            json({ name: 'Soak', email: email(), subject: 'Soak', message: 'Hello' }),
          ),
        ok: ok2,
      },
      {
        name: 'admin login',
        weight: 3,
        run: () => call(`${url}/api/admin/auth/login`, json(admin)),
        ok: ok2,
      },
      {
        name: 'admin events',
        weight: 8,
        run: () => call(`${url}/api/admin/events`, { headers: auth }),
        ok: ok2,
      },
      {
        name: 'admin bookings',
        weight: 8,
        run: () => call(`${url}/api/sessions`, { headers: auth }),
        ok: ok2,
      },
      { name: 'admin contact', weight: 6, run: () => call(`${url}/api/contact`, { headers: auth }), ok: ok2 },
      {
        name: 'admin registrations',
        weight: 5,
        run: () => call(`${url}/api/admin/registrations`, { headers: auth }),
        ok: ok2,
      },
    ];
    // The access token lasts 15 minutes: a fresh one every minute, as the panel's refresh would.
    const background = async () => {
      const res = await fetch(`${url}/api/admin/auth/login`, json(admin));
      if (res.status === 200)
        auth.authorization = `Bearer ${((await res.json()) as { access_token: string }).access_token}`;
    };
    return await soak('A-Cube', app, ops, background);
  } finally {
    await app.stop();
  }
}

const work = await mkdtemp(join(tmpdir(), 'bench-soak-'));
const results = [];
try {
  console.log(
    `soak: ${MINUTES} min per app after ${WARMUP_S} s warm-up, ${RPS} req/s mixed, embedded default; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`,
  );
  if (APPS.includes('attn')) results.push(await soakAttn(work));
  if (APPS.includes('acube')) results.push(await soakAcube(work));
  console.log('\n  app       RSS start  RSS end  growth   requests  errors  skipped  p50 ms  p99 ms');
  for (const r of results)
    console.log(
      `  ${r.name.padEnd(8)} ${r.start.toFixed(0).padStart(7)} MB ${r.end.toFixed(0).padStart(5)} MB ${`${r.growth.toFixed(1)} %`.padStart(8)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)} ${String(r.skipped).padStart(8)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)}${r.growth > 10 ? '  LEAK?' : ''}`,
    );
} finally {
  await rm(work, { recursive: true, force: true });
}
