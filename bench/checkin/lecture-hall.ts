// bench:checkin: a lecture hall checking in on the embedded default (PGlite), none may be lost,
// beside a same-run baseline: a bare server doing one PGlite insert a request, sent the same
// burst in the same way.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { spawnApp } from '../../packages/platform/src/testing/spawn-app.ts';
import { median } from '../stats.ts';
import { freshSession, seed, seedEmbedded } from './seed.ts';
import { attnCli, BURST, baselineServer, RUNS } from './settings.ts';

const SHAPES = [
  ['paced over 5 s', 5000 / BURST],
  ['all at once', 0],
] as const;

interface Wave {
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  rows: number;
}

/** BURST check-ins sent `gapMs` apart (0: all at once) to `url`; the rows counted afterwards. */
async function wave(
  url: string,
  gapMs: number,
  body: (g: number) => object,
  headers: (g: number) => Record<string, string>,
  countRows: () => Promise<number>,
): Promise<Wave> {
  const started = performance.now();
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const one = async (g: number) => {
    const wait = started + g * gapMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    const res = await fetch(`${url}/api/student/checkins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers(g) },
      body: JSON.stringify(body(g)),
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  };
  await Promise.all(Array.from({ length: BURST }, (_, g) => one(g)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    seconds,
    p50: pct(50),
    p99: pct(99),
    max: latencies.at(-1) ?? 0,
    statuses,
    rows: await countRows(),
  };
}

const line = (w: Wave) =>
  `${w.seconds.toFixed(2).padStart(5)} s  p50 ${w.p50.toFixed(0).padStart(5)}  p99 ${w.p99.toFixed(0).padStart(5)}  max ${w.max.toFixed(0).padStart(5)} ms  ${JSON.stringify(w.statuses)}  rows ${w.rows}${w.rows === BURST ? '' : ' LOST SOME'}`;

/** The embedded default: BURST students within 5 s (paced), then all at once; none may be lost. */
export async function burst(work: string, salt: string) {
  const dataDir = join(work, 'burst');
  const seeded = await seedEmbedded(dataDir, (query) => seed(query, BURST, salt));
  const env = { PORT: '0', LOG_FILE: 'off', DEMO_DATA: 'false' };
  const app = await spawnApp(
    attnCli,
    {
      ...env,
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      // BENCH_PROFILE=<dir>: a CPU profile of the ATTN process, written when it stops.
      ...(process.env.BENCH_PROFILE
        ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
        : {}),
    },
    { timeoutMs: 120_000 },
  );
  const baseline = await spawnApp(
    baselineServer,
    { DATA_DIR: join(work, 'burst-baseline') },
    { timeoutMs: 120_000 },
  );
  const results: Record<string, { attn: Wave[]; baseline: Wave[] }> = {};
  try {
    let previous: string | undefined;
    for (let round = 0; round < RUNS; round++) {
      for (const [label, gapMs] of SHAPES) {
        const session = await freshSession(app.url, seeded.courseId, seeded.teacherCookie, previous);
        previous = session.id;
        const attn = await wave(
          app.url,
          gapMs,
          (g) => ({ session_id: session.id, code: session.code, device_id: `bench-device-${g + 1}` }),
          (g) => ({ cookie: `attn_session=bench-${g + 1}-${salt}` }),
          async () => {
            const res = await fetch(`${app.url}/api/teacher/sessions/${session.id}`, {
              headers: { cookie: seeded.teacherCookie },
            });
            return ((await res.json()) as { counts: { checked_in: number } }).counts.checked_in;
          },
        );
        const sessionId = randomUUID();
        const base = await wave(
          baseline.url,
          gapMs,
          (g) => ({ session_id: sessionId, code: '000000', device_id: `bench-device-${g + 1}` }),
          () => ({}),
          async () =>
            ((await (await fetch(`${baseline.url}/count?session_id=${sessionId}`)).json()) as { n: number })
              .n,
        );
        results[label] ??= { attn: [], baseline: [] };
        results[label].attn.push(attn);
        results[label].baseline.push(base);
        console.log(`  round ${round + 1}, ${label}:`);
        console.log(`    ATTN      ${line(attn)}`);
        console.log(`    baseline  ${line(base)}`);
      }
    }
  } finally {
    await app.stop();
    await baseline.stop();
  }
  console.log(
    `\n  lecture hall, ${BURST} students, median of ${RUNS} rounds | same-run baseline (bare PGlite insert)`,
  );
  for (const [label, { attn, baseline: base }] of Object.entries(results)) {
    const m = (ws: Wave[], k: 'p50' | 'p99' | 'seconds') => median(ws.map((w) => w[k]));
    console.log(
      `  ${label.padEnd(15)} ATTN p50 ${m(attn, 'p50').toFixed(0)} ms, p99 ${m(attn, 'p99').toFixed(0)} ms, all in ${m(attn, 'seconds').toFixed(2)} s | baseline p50 ${m(base, 'p50').toFixed(0)} ms, p99 ${m(base, 'p99').toFixed(0)} ms, all in ${m(base, 'seconds').toFixed(2)} s | p99 x${(m(attn, 'p99') / m(base, 'p99')).toFixed(2)}`,
    );
  }
  const lost = Object.values(results)
    .flatMap((r) => r.attn)
    .filter((w) => w.rows !== BURST).length;
  console.log(`  rounds with a check-in lost: ${lost}`);
  console.log('  target (issue 19): p99 at most 300 ms, none lost');
}
