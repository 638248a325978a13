// bench:checkin: a lecture hall checking in on the embedded default (PGlite), none may be lost.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnApp } from '../../packages/platform/src/testing/spawn-app.ts';
import { freshSession, seed, seedEmbedded } from './seed.ts';
import { attnCli, BURST } from './settings.ts';

/** The embedded default: 1,000 students within 5 s (paced), then all at once; none may be lost. */
export async function burst(work: string, salt: string) {
  const dataDir = join(work, 'burst');
  const seeded = await seedEmbedded(dataDir, (query) => seed(query, BURST, salt));
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
