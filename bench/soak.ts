// bench:soak: mixed traffic against each app on the embedded default (PGlite) for SOAK_MINUTES
// (default 10) after a warm-up, printing the server's RSS at the start, every minute and at the
// end, with request and error counts. RSS growing more than 10 % from start to end is flagged as
// a leak. Not part of `npm test`. The parts: soak/settings.ts, soak/drive.ts (the traffic),
// soak/report.ts (the minutes and figures), soak/attn.ts and soak/acube.ts (each app's mix).
//   SOAK_MINUTES=10 SOAK_APPS=attn,acube SOAK_RPS=20 SOAK_WARMUP_SECONDS=60 npm run bench:soak
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { soakAcube } from './soak/acube.ts';
import { soakAttn } from './soak/attn.ts';
import { APPS, MINUTES, RPS, WARMUP_S } from './soak/settings.ts';

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
