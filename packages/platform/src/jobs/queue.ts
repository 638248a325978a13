// A named queue declared in code: its payload schema (checked on enqueue), its retry policy
// (exponential back-off), expiry, how long finished jobs are kept, whether its payload is stored
// encrypted, and the handler that runs it in the worker role. Every
// queue gets a dead-letter queue, `<name>.dead`, where jobs land when their retries run out.
import type { Static, TSchema } from 'typebox';
import type { ChunkedResult, ChunkPlan, ChunkWork } from './chunked-run.ts';

export interface JobContext<T> {
  id: string;
  data: T;
  /** How many times this job has been retried so far. */
  retryCount: number;
  /** Aborted when the job expires or the worker stops past its grace period. */
  signal: AbortSignal;
  /** Reports progress, readable through `jobs.progress(id)`. */
  progress(done: number, total: number): Promise<void>;
  /**
   * Works through `total` items in chunks of `size`, resuming after the last chunk committed by
   * an earlier run of this job: each chunk's changes and the stored progress commit in one
   * transaction, so no chunk is done twice (see chunked-run.ts).
   */
  inChunks(plan: ChunkPlan, work: ChunkWork): Promise<ChunkedResult>;
}

export interface QueueDefinition<S extends TSchema = TSchema> {
  name: string;
  payload: S;
  /** Retries after the first failure (default 5). */
  retryLimit?: number;
  /** First retry delay in seconds, doubled each time (default 10; max retryDelayMax). */
  retryDelaySeconds?: number;
  retryDelayMaxSeconds?: number;
  /** A run that takes longer is failed (and retried): default 15 minutes. */
  expireInSeconds?: number;
  /**
   * Heartbeat in seconds (at least 10; default the job system's, 15): while the handler runs its
   * worker refreshes the job every half of this; a job not refreshed for this long (its worker
   * died) is retried by another worker at the next supervision pass, well before its expiry.
   * `null` turns heartbeats off (expiry alone then bounds a dead worker's job).
   */
  heartbeatSeconds?: number | null;
  /** How many jobs of this queue one process runs at once (default 1). */
  concurrency?: number;
  /**
   * Store the payload encrypted (AES-256-GCM, key derived from APP_SECRET): for a queue whose
   * payload must hold personal data or tokens. The handler and `jobs.job()` see it decrypted.
   */
  sealed?: boolean;
  /**
   * Plain fields stored beside a sealed payload so its jobs can be found (`jobs.deleteJobs`):
   * keyed hashes, never the data itself.
   */
  lookup?(data: Static<S>): Record<string, string>;
  /** How long a finished (completed, failed or cancelled) job is kept, in seconds (default 7 days). */
  keepFinishedSeconds?: number;
  /**
   * Runs the job. What it returns (a small object, e.g. the id of the file it made) is kept as the
   * job's output, which `jobs.job(queue, id)` reads back.
   */
  handler(job: JobContext<Static<S>>): Promise<void | Record<string, unknown>>;
}

export function defineQueue<S extends TSchema>(definition: QueueDefinition<S>): QueueDefinition<S> {
  if (!/^[A-Za-z0-9_-]+$/.test(definition.name)) {
    throw new Error(`queue name "${definition.name}" must be letters, digits, _ or -`);
  }
  return definition;
}

export const deadLetterName = (queue: string) => `${queue}.dead`;
