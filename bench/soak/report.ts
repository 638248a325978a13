// bench:soak's measuring: a warm-up, then a minute at a time with the server's RSS, and the
// figures for the closing table.
import type { SpawnedApp } from '../../packages/platform/src/testing/spawn-app.ts';
import { rssMb } from '../rss.ts';
import { median } from '../stats.ts';
import { drive, newTally, type Op, sum } from './drive.ts';
import { MAX_IN_FLIGHT, MINUTES, RPS, WARMUP_S } from './settings.ts';

/** Warm-up, then MINUTES of traffic with RSS every minute; returns the figures for the table. */
export async function soak(name: string, app: SpawnedApp, ops: Op[], background?: () => Promise<void>) {
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
