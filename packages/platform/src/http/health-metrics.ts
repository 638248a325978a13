// Readiness in /metrics, read from the same checks as /health/ready at scrape time (kept a few
// seconds): `health_ready` (1 when /health/ready would answer 200), `health_check_up` per check
// (0 when it is down) and `redis_degraded` per user of Redis (1 while that user runs on its
// in-process fallback because Redis failed; 0 when up, and 0 without REDIS_URL, where memory is
// the design and not a fallback).
import fp from 'fastify-plugin';
import { Gauge } from 'prom-client';
import type { ReadinessReport } from './health.ts';
import { ScrapeCache } from './scrape-cache.ts';

export interface HealthMetricsOptions {
  /** Each user of Redis and the name of the check that reports it. */
  redisUsers: Readonly<Record<string, string>>;
  /** How long one run of the checks is reused (default 5 s). */
  cacheMs?: number;
  nowMs?: () => number;
}

export const healthMetricsPlugin = fp(
  async (app, opts: HealthMetricsOptions) => {
    const cache = new ScrapeCache<ReadinessReport>({
      read: () => app.health.report(),
      ttlMs: opts.cacheMs ?? 5000,
      // The checks time out after 2 s each, in parallel.
      timeoutMs: 3000,
      ...(opts.nowMs ? { nowMs: opts.nowMs } : {}),
    });
    const registers = [app.metrics];
    new Gauge({
      name: 'health_ready',
      help: 'The process is ready to serve (1): what /health/ready answers with 200; 0 when it answers 503',
      registers,
      async collect() {
        const result = await cache.get();
        this.set(result.ok && result.value.status !== 'fail' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'health_check_up',
      help: 'Each readiness check: 1 when up or degraded (covered by a fallback), 0 when down',
      labelNames: ['check'],
      registers,
      async collect() {
        const result = await cache.get();
        this.reset();
        if (!result.ok) return;
        for (const [check, report] of Object.entries(result.value.checks))
          this.set({ check }, report.status === 'down' ? 0 : 1);
      },
    });
    new Gauge({
      name: 'redis_degraded',
      help: 'A user of Redis (rate limits, live fan-out) runs on its in-process fallback because Redis failed (1), or not (0)',
      labelNames: ['user'],
      registers,
      async collect() {
        const result = await cache.get();
        this.reset();
        for (const [user, check] of Object.entries(opts.redisUsers)) {
          // Without a report (the checks did not answer) nothing is said, rather than a guess.
          if (!result.ok) continue;
          const status = result.value.checks[check]?.status;
          this.set({ user }, status === 'degraded' || status === 'down' ? 1 : 0);
        }
      },
    });
  },
  { name: 'platform-health-metrics', dependencies: ['platform-health', 'platform-metrics'] },
);
