// What a handler gets for one run of a job: its id, payload (opened if sealed), retry count and
// abort signal, progress reports, and chunked work that resumes where an earlier run stopped.
import type { Clock } from '../clock/clock.ts';
import type { Db } from '../db/database.ts';
import { runInChunks } from './chunked-run.ts';
import type { JobContext } from './queue.ts';
import { jobProgress } from './schema.ts';

export function jobContext<T>(
  deps: { db: Db; clock: Pick<Clock, 'now'> },
  job: { id: string; queue: string; data: T; retryCount: number; signal: AbortSignal },
): JobContext<T> {
  const { db, clock } = deps;
  return {
    id: job.id,
    data: job.data,
    retryCount: job.retryCount,
    signal: job.signal,
    progress: async (done, total) => {
      await db
        .insert(jobProgress)
        .values({ jobId: job.id, queue: job.queue, done, total, updatedAt: clock.now() })
        .onConflictDoUpdate({ target: jobProgress.jobId, set: { done, total, updatedAt: clock.now() } });
    },
    inChunks: (plan, work) => runInChunks(deps, job, plan, work),
  };
}
