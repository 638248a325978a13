// A long job done in chunks that survives its worker being killed: each chunk's changes (and
// whatever the chunk writes beside them: audit rows, the job's outcome so far) commit in ONE
// transaction with the job's stored progress (job_progress.done, the items done so far). A run
// of the job (the first, a retry, or another worker taking over a dead one's job) starts after
// the last chunk committed, so no chunk is done twice. The chunk locks the progress row and
// checks it still says where this run is: a run that lost its job to another worker (its
// heartbeat stopped and it did not know) stops at its next chunk, its changes rolled back.
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import type { Db, Tx } from '../db/database.ts';
import { jobProgress } from './schema.ts';

export interface ChunkPlan {
  /** How many items the job works through, in order. */
  total: number;
  /** Items a chunk (one transaction). */
  size: number;
  /** A pause between chunks, outside their transactions, leaving the database to other work (default 0). */
  pauseMs?: number;
}

/** One chunk: items [start, end) of the plan, chunk `index` from 0. */
export interface ChunkRange {
  index: number;
  start: number;
  end: number;
}

/** Does one chunk in `tx`: everything it writes commits with the progress, or nothing does. */
export type ChunkWork = (range: ChunkRange, tx: Tx) => Promise<void>;

export interface ChunkedResult {
  /** Items done by earlier runs of this job before this run started (0 on a first run). */
  resumedAt: number;
  /** Chunks this run committed. */
  chunks: number;
}

/** Another run of the job moved its progress on: this run must stop, changing nothing more. */
export class JobTakenOverError extends Error {}

/** A chunk's work threw: nothing of that chunk was committed. `cause` is what it threw. */
export class ChunkFailedError extends Error {
  readonly range: ChunkRange;
  constructor(range: ChunkRange, cause: unknown) {
    super(`chunk ${range.index + 1} (items ${range.start}-${range.end - 1}) failed and changed nothing`, {
      cause,
    });
    this.range = range;
  }
}

/** The chunks of a plan that start at or after `from`, in order. */
export function chunksFrom(plan: ChunkPlan, from: number): ChunkRange[] {
  if (!Number.isInteger(plan.size) || plan.size < 1) throw new Error('a chunk holds at least one item');
  const ranges: ChunkRange[] = [];
  const first = Math.ceil(Math.max(0, from) / plan.size) * plan.size;
  for (let start = first; start < plan.total; start += plan.size) {
    ranges.push({ index: start / plan.size, start, end: Math.min(plan.total, start + plan.size) });
  }
  return ranges;
}

export async function runInChunks(
  deps: { db: Db; clock: Pick<Clock, 'now'> },
  job: { id: string; queue: string; signal?: AbortSignal },
  plan: ChunkPlan,
  work: ChunkWork,
): Promise<ChunkedResult> {
  const { db, clock } = deps;
  const [stored] = await db
    .select({ done: jobProgress.done })
    .from(jobProgress)
    .where(eq(jobProgress.jobId, job.id));
  const resumedAt = Math.min(stored?.done ?? 0, plan.total);
  let chunks = 0;
  for (const range of chunksFrom(plan, resumedAt)) {
    if (chunks > 0 && plan.pauseMs) await sleep(plan.pauseMs);
    if (job.signal?.aborted)
      throw new JobTakenOverError(`job ${job.id} lost its claim: stopped before chunk ${range.index + 1}`);
    await db.transaction(async (tx) => {
      await tx
        .insert(jobProgress)
        .values({ jobId: job.id, queue: job.queue, done: 0, total: plan.total, updatedAt: clock.now() })
        .onConflictDoNothing();
      const [row] = await tx
        .select({ done: jobProgress.done })
        .from(jobProgress)
        .where(eq(jobProgress.jobId, job.id))
        .for('update');
      if (row?.done !== range.start) {
        throw new JobTakenOverError(
          `job ${job.id}: another run has done ${row?.done ?? 0} items, this one expected ${range.start}`,
        );
      }
      try {
        await work(range, tx);
      } catch (err) {
        throw new ChunkFailedError(range, err);
      }
      await tx
        .update(jobProgress)
        .set({ done: range.end, total: plan.total, updatedAt: clock.now() })
        .where(eq(jobProgress.jobId, job.id));
    });
    chunks++;
  }
  return { resumedAt, chunks };
}
