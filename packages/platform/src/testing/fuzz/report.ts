// A fuzz run's report as text: the seed to replay it, the requests, the statuses per operation,
// the latency p50/p99 and what went wrong.
import type { FuzzReport } from './runner.ts';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The report as text: the seed, requests, statuses per operation, latency p50/p99, problems. */
export function formatReport(name: string, report: FuzzReport): string {
  const sorted = [...report.latencies].sort((a, b) => a - b);
  const lines = [
    `fuzz ${name}: seed ${report.seed} (replay with FUZZ_SEED=${report.seed}), ${report.requests} requests, ` +
      `latency p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
      `max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms`,
  ];
  for (const [op, statuses] of Object.entries(report.statuses)) {
    const counts = Object.entries(statuses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    lines.push(`  ${op.padEnd(58)} ${counts}`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  for (const p of report.problems.slice(0, 40)) {
    lines.push(`  PROBLEM ${p.operation} as ${p.caller} (${p.kind}): ${p.status} ${p.detail}`);
  }
  if (report.problems.length > 40) lines.push(`  ... and ${report.problems.length - 40} more problems`);
  return lines.join('\n');
}
