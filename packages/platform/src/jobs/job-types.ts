// What the job system takes and answers: its options, send options, the admin views of queues
// and failed jobs, and its errors.
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.ts';
import type { ProcessRole } from '../config/types.ts';
import type { Database, Tx } from '../db/database.ts';

export interface JobSystemOptions {
  database: Database;
  /** For PostgreSQL: pg-boss opens its own pool on this URL. */
  databaseUrl: string | undefined;
  logger: Logger;
  clock: Clock;
  role: ProcessRole;
  /** APP_SECRET: the key of sealed (encrypted) payloads is derived from it. */
  appSecret?: string;
  /** How long stop() waits for running jobs. */
  shutdownTimeoutMs: number;
  /** How often idle workers look for jobs (default 2 s; tests use 0.5). */
  pollingIntervalSeconds?: number;
  poolMax?: number;
  /** How often a worker looks for expired jobs of dead workers (default 60 s; tests use 1). */
  superviseIntervalSeconds?: number;
  /** How often schedules are checked for due ticks (pg-boss default 30 s; tests use 5). */
  cronMonitorIntervalSeconds?: number;
  /**
   * How often one queue's expired jobs are failed (and so retried): pg-boss checks each queue at
   * most this often (default 60 s; tests use 1). A job whose worker died runs again within
   * about its expiry plus this.
   */
  monitorIntervalSeconds?: number;
  /**
   * A running job's heartbeat, for queues that set none (default 15 s; pg-boss takes 10 or more):
   * its worker refreshes the job every half of it, and a job not refreshed for this long (its
   * process was killed) is failed at the next supervision pass and retried by another worker.
   * A live job, however long, is never taken over: its heartbeat keeps it.
   */
  heartbeatSeconds?: number;
}

export interface SendOptions {
  /** Enqueue as part of this transaction: nothing is sent if it rolls back. */
  tx?: Tx;
  startAfter?: Date;
  /** At most one queued job with this key. */
  singletonKey?: string;
}

/** A job's state as pg-boss keeps it. */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface FailedJob {
  id: string;
  queue: string;
  /** 'failed' (retries exhausted, still in its queue) or 'dead' (moved to the dead-letter queue). */
  state: 'failed' | 'dead';
  retryCount: number;
  createdAt: string;
  error: string | null;
}

export interface QueueSummary {
  name: string;
  queued: number;
  active: number;
  failed: number;
  dead: number;
  total: number;
}

export class JobPayloadError extends Error {}
export class UnknownQueueError extends Error {}
