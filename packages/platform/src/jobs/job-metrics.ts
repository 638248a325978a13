// Job queues in /metrics, counted in pg-boss's tables at scrape time with one grouped query
// (kept a few seconds): per queue, the jobs waiting (created or retrying), running, failed (still
// stored, and failed in the last hour), waiting in its dead-letter queue, and the age of the
// oldest job due to run and not yet taken. When the database does not answer within a second
// and a half, the scrape still succeeds: the job series are left out and `jobs_metrics_up` is 0.
import { sql } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/database.ts';
import { ScrapeCache } from '../http/scrape-cache.ts';

export interface QueueCounts {
  queue: string;
  queued: number;
  active: number;
  failed: number;
  failedLastHour: number;
  deadLetter: number;
  /** Seconds the oldest job that is due (its start time has come) has waited; 0 when none. */
  oldestQueuedSeconds: number;
}

/**
 * Every queue pg-boss knows in this database except the dead-letter queues themselves (they are
 * counted as their queue's `deadLetter`). The partial index on live states (job_i14) serves it.
 */
export async function readQueueCounts(db: Db): Promise<QueueCounts[]> {
  const result = (await db.execute(sql`
    WITH counts AS (
      SELECT name,
             count(*) FILTER (WHERE state IN ('created', 'retry')) AS queued,
             count(*) FILTER (WHERE state = 'active') AS active,
             count(*) FILTER (WHERE state = 'failed') AS failed,
             count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '1 hour') AS failed_hour,
             min(start_after) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()) AS oldest_due
        FROM pgboss.job
       WHERE state IN ('created', 'retry', 'active', 'failed')
       GROUP BY name
    )
    SELECT q.name,
           coalesce(c.queued, 0)::int AS queued,
           coalesce(c.active, 0)::int AS active,
           coalesce(c.failed, 0)::int AS failed,
           coalesce(c.failed_hour, 0)::int AS failed_hour,
           coalesce(d.queued, 0)::int AS dead,
           coalesce(extract(epoch FROM now() - c.oldest_due), 0)::float8 AS oldest
      FROM pgboss.queue q
      LEFT JOIN counts c ON c.name = q.name
      LEFT JOIN counts d ON d.name = q.dead_letter
     WHERE q.name NOT IN (SELECT dead_letter FROM pgboss.queue WHERE dead_letter IS NOT NULL)
     ORDER BY q.name
  `)) as unknown as {
    rows: {
      name: string;
      queued: number;
      active: number;
      failed: number;
      failed_hour: number;
      dead: number;
      oldest: number;
    }[];
  };
  return result.rows.map((r) => ({
    queue: r.name,
    queued: Number(r.queued),
    active: Number(r.active),
    failed: Number(r.failed),
    failedLastHour: Number(r.failed_hour),
    deadLetter: Number(r.dead),
    oldestQueuedSeconds: Math.max(0, Number(r.oldest)),
  }));
}

export interface JobMetricsOptions {
  read: () => Promise<QueueCounts[]>;
  /** How long one read is reused (default 5 s). */
  cacheMs?: number;
  /** How long a read may take before the scrape goes on without it (default 1.5 s). */
  timeoutMs?: number;
  nowMs?: () => number;
  /** Told once when the counts cannot be read, and once when they can again. */
  logger?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

/** Adds the job gauges to `registry`; each scrape reads the counts through `opts.read` (cached). */
export function registerJobMetrics(registry: Registry, opts: JobMetricsOptions): void {
  let failing = false;
  const cache = new ScrapeCache<QueueCounts[]>({
    read: async () => {
      try {
        const counts = await opts.read();
        if (failing) opts.logger?.info({}, 'job metrics readable again');
        failing = false;
        return counts;
      } catch (err) {
        if (!failing)
          opts.logger?.warn({ err: { message: (err as Error).message } }, 'job metrics unreadable');
        failing = true;
        throw err;
      }
    },
    ttlMs: opts.cacheMs ?? 5000,
    timeoutMs: opts.timeoutMs ?? 1500,
    ...(opts.nowMs ? { nowMs: opts.nowMs } : {}),
  });
  const registers = [registry];
  new Gauge({
    name: 'jobs_metrics_up',
    help: 'The job counts could be read from the database at this scrape (1) or not (0: the jobs_* series are left out)',
    registers,
    async collect() {
      this.set((await cache.get()).ok ? 1 : 0);
    },
  });
  const perQueue = (name: string, help: string, pick: (c: QueueCounts) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'],
      registers,
      async collect() {
        const result = await cache.get();
        this.reset();
        if (!result.ok) return;
        for (const counts of result.value) this.set({ queue: counts.queue }, pick(counts));
      },
    });
  perQueue(
    'jobs_queued',
    'Jobs waiting to run (created or waiting for a retry), due or not',
    (c) => c.queued,
  );
  perQueue('jobs_active', 'Jobs running now', (c) => c.active);
  perQueue('jobs_failed', 'Jobs that ran out of retries, still stored', (c) => c.failed);
  perQueue('jobs_failed_last_hour', 'Jobs that ran out of retries in the last hour', (c) => c.failedLastHour);
  perQueue('jobs_dead_letter', "Jobs waiting in the queue's dead-letter queue", (c) => c.deadLetter);
  perQueue(
    'jobs_oldest_queued_age_seconds',
    'Seconds the oldest job that is due has waited for a worker (0 when none waits)',
    (c) => c.oldestQueuedSeconds,
  );
}
