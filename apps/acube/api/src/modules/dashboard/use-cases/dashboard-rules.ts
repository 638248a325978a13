// The dashboard's sums, without a database.
import type { QueueSummary } from '@campus/platform/jobs';

/** Running jobs across queues, and failed ones: out of retries in their queue or dead-lettered. */
export function jobTotals(queues: readonly QueueSummary[]): { jobs_running: number; jobs_failed: number } {
  return {
    jobs_running: queues.reduce((n, q) => n + q.active, 0),
    jobs_failed: queues.reduce((n, q) => n + q.failed + q.dead, 0),
  };
}
