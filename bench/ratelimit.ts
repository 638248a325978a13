// bench/ratelimit: one hello route served three ways in one run: no limiter, the memory store,
// the Redis store. autocannon drives each for a few seconds, in turn, several rounds; the no-
// limiter figure of the same round is the baseline beside the others (a busy machine slows all
// three alike). Also counts Redis commands per request from INFO commandstats.
//   npm run bench:ratelimit               (starts its own redis-server)
//   BENCH_RUNS=5 BENCH_SECONDS=10 npm run bench:ratelimit
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startRedisServer } from '../packages/platform/src/testing/redis-server.ts';
import { type SpawnedApp, spawnApp } from '../packages/platform/src/testing/spawn-app.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const server = fileURLToPath(new URL('./fixtures/hello-server.ts', import.meta.url));
const modes = ['none', 'memory', 'redis'] as const;
type Mode = (typeof modes)[number];

/** CPU time (user + system) a process has used, in ms: steadier than req/s on a shared machine. */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}

async function load(url: string) {
  const result = await autocannon({ url: `${url}/hello`, connections: CONNECTIONS, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

const redis = await startRedisServer();
const servers: Partial<Record<Mode, SpawnedApp>> = {};
try {
  for (const mode of modes) {
    servers[mode] = await spawnApp(server, {
      LIMIT: mode,
      REDIS_URL: redis.url,
      PATH: process.env.PATH ?? '',
    });
  }
  // Warm-up: JIT, connections, the Redis script cache.
  for (const mode of modes)
    await autocannon({ url: `${servers[mode]?.url}/hello`, connections: CONNECTIONS, amount: 2000 });

  const empty = () => ({
    rps: [] as number[],
    p50: [] as number[],
    p99: [] as number[],
    ratio: [] as number[],
    cpu: [] as number[],
    cpuRatio: [] as number[],
  });
  const figures = { none: empty(), memory: empty(), redis: empty() };
  let commands = 0;
  let inside = 0;
  let redisRequests = 0;
  for (let run = 0; run < RUNS; run++) {
    const round: Partial<Record<Mode, number>> = {};
    const roundCpu: Partial<Record<Mode, number>> = {};
    for (const mode of modes) {
      const before = mode === 'redis' ? await redis.commandCalls() : {};
      const pid = servers[mode]?.child.pid as number;
      const cpuBefore = await cpuMs(pid);
      const r = await load(servers[mode]?.url ?? '');
      const cpuPerRequestUs = (((await cpuMs(pid)) - cpuBefore) * 1000) / r.total;
      roundCpu[mode] = cpuPerRequestUs;
      figures[mode].cpu.push(cpuPerRequestUs);
      if (mode === 'redis') {
        const after = await redis.commandCalls();
        // What the app sends: the script (EVALSHA, or EVAL once per connection). The INCRs the
        // script runs inside Redis are listed too, but cost no round trip.
        commands += (after.evalsha ?? 0) - (before.evalsha ?? 0) + (after.eval ?? 0) - (before.eval ?? 0);
        inside += (after.incr ?? 0) - (before.incr ?? 0) + (after.expire ?? 0) - (before.expire ?? 0);
        redisRequests += r.total;
      }
      round[mode] = r.rps;
      figures[mode].rps.push(r.rps);
      figures[mode].p50.push(r.p50);
      figures[mode].p99.push(r.p99);
    }
    for (const mode of modes) {
      figures[mode].ratio.push((round[mode] ?? 0) / (round.none ?? 1));
      figures[mode].cpuRatio.push((roundCpu[mode] ?? 0) / (roundCpu.none ?? 1));
    }
  }

  console.log(
    `\nhello route, ${CONNECTIONS} connections, ${SECONDS} s per measurement, median of ${RUNS} rounds`,
  );
  console.log(
    '  store    req/s  p50 ms  p99 ms  CPU us/req | same-round ratio to no limiter: req/s, CPU/req',
  );
  for (const mode of modes) {
    const f = figures[mode];
    const cells = [
      mode.padEnd(7),
      median(f.rps).toFixed(0).padStart(6),
      median(f.p50).toFixed(1).padStart(6),
      median(f.p99).toFixed(1).padStart(6),
      median(f.cpu).toFixed(1).padStart(10),
    ];
    console.log(`  ${cells.join('  ')} | x${median(f.ratio).toFixed(3)}  x${median(f.cpuRatio).toFixed(3)}`);
  }
  const perRequest = (n: number) => (n / redisRequests).toFixed(3);
  console.log(
    `  Redis: ${perRequest(commands)} commands sent per request (${commands} for ${redisRequests}); ${perRequest(inside)} run inside the script`,
  );
  console.log('  target: Redis store within 10% of no limiter (ratio >= 0.90); one command per request');
} finally {
  for (const app of Object.values(servers)) await app?.stop();
  await redis.stop();
}
