// The job system's admin side, read and acted on by the admin API and by modules that must find
// or forget jobs: queue counts, failed and dead-lettered jobs, retry, cancel, and finding or
// deleting jobs by fields of their stored payload (a sealed queue's lookup fields).
import type { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { FailedJob, QueueSummary } from './job-types.ts';
import { deadLetterName } from './queue.ts';

export interface JobAdminDeps {
  boss(): PgBoss;
  /** The queues declared, by name. */
  names(): string[];
  /** Throws UnknownQueueError for a queue not declared. */
  known(queue: string): void;
  /** A stored payload as the handler sees it (a sealed one opened). */
  open(queue: string, data: unknown): unknown;
  logger: Logger;
}

export class JobAdmin {
  readonly #deps: JobAdminDeps;

  constructor(deps: JobAdminDeps) {
    this.#deps = deps;
  }

  async deleteJobs(queueName: string, match: Record<string, string>): Promise<number> {
    this.#deps.known(queueName);
    if (Object.keys(match).length === 0) throw new Error('deleteJobs needs at least one field to match');
    const rows = await this.#sql<{ id: string }>(
      `DELETE FROM pgboss.job WHERE name = ANY($1::text[]) AND data @> $2::jsonb RETURNING id`,
      [[queueName, deadLetterName(queueName)], JSON.stringify(match)],
    );
    return rows.length;
  }

  async findJobs(
    queueName: string,
    match: Record<string, string>,
  ): Promise<{ id: string; state: string; createdOn: string; data: unknown }[]> {
    this.#deps.known(queueName);
    if (Object.keys(match).length === 0) throw new Error('findJobs needs at least one field to match');
    const rows = await this.#sql<{ id: string; state: string; created_on: string; data: unknown }>(
      `SELECT id, state::text AS state, created_on::text AS created_on, data FROM pgboss.job
        WHERE name = ANY($1::text[]) AND data @> $2::jsonb ORDER BY created_on, id`,
      [[queueName, deadLetterName(queueName)], JSON.stringify(match)],
    );
    return rows.map((r) => ({
      id: r.id,
      state: r.state,
      createdOn: r.created_on,
      data: this.#deps.open(queueName, r.data),
    }));
  }

  async queues(): Promise<QueueSummary[]> {
    const names = this.#deps.names();
    const rows = await this.#sql<{ name: string; state: string; n: number }>(
      `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job
        WHERE name = ANY($1::text[]) GROUP BY name, state`,
      [[...names, ...names.map(deadLetterName)]],
    );
    const count = (name: string, states: string[]) =>
      rows.filter((r) => r.name === name && states.includes(r.state)).reduce((sum, r) => sum + r.n, 0);
    return names.map((name) => ({
      name,
      queued: count(name, ['created', 'retry']),
      active: count(name, ['active']),
      failed: count(name, ['failed']),
      dead: count(deadLetterName(name), ['created', 'retry']),
      total: count(name, ['created', 'retry', 'active', 'completed', 'cancelled', 'failed']),
    }));
  }

  async failed(queueName: string, limit = 100): Promise<FailedJob[]> {
    this.#deps.known(queueName);
    const rows = await this.#sql<{
      id: string;
      name: string;
      state: string;
      retry_count: number;
      source_retry_count: number | null;
      created_on: string;
      output: { message?: string } | null;
      source_output: { message?: string } | null;
    }>(
      `SELECT id, name, state, retry_count, source_retry_count, created_on::text, output, source_output
         FROM pgboss.job
        WHERE (name = $1 AND state = 'failed') OR (name = $2 AND state < 'active')
        ORDER BY created_on DESC
        LIMIT $3`,
      [queueName, deadLetterName(queueName), limit],
    );
    return rows.map((r) => ({
      id: r.id,
      queue: queueName,
      state: r.name === queueName ? 'failed' : 'dead',
      retryCount: r.source_retry_count ?? r.retry_count,
      createdAt: r.created_on,
      error: (r.name === queueName ? r.output : r.source_output)?.message ?? null,
    }));
  }

  async retry(queueName: string, jobId: string): Promise<string | null> {
    this.#deps.known(queueName);
    const boss = this.#deps.boss();
    const { logger } = this.#deps;
    const [dead] = await boss.findJobs<object>(deadLetterName(queueName), { id: jobId });
    if (dead) {
      const id = await boss.send(queueName, dead.data);
      await boss.deleteJob(deadLetterName(queueName), jobId);
      logger.info(
        { event: 'job.retried', queue: queueName, jobId, newJobId: id },
        'dead-lettered job sent again',
      );
      return id;
    }
    const [failed] = await boss.findJobs<object>(queueName, { id: jobId });
    if (!failed || (failed as { state?: string }).state !== 'failed') return null;
    await boss.retry(queueName, jobId);
    logger.info({ event: 'job.retried', queue: queueName, jobId }, 'failed job retried');
    return jobId;
  }

  async cancel(queueName: string, jobId: string): Promise<boolean> {
    this.#deps.known(queueName);
    const boss = this.#deps.boss();
    for (const name of [queueName, deadLetterName(queueName)]) {
      const result = await boss.cancel(name, jobId);
      if (((result as { affected?: number }).affected ?? 0) > 0) {
        this.#deps.logger.info({ event: 'job.cancelled', queue: name, jobId }, 'job cancelled');
        return true;
      }
    }
    return false;
  }

  async #sql<T>(text: string, values: unknown[]): Promise<T[]> {
    const result = (await this.#deps.boss().getDb().executeSql(text, values)) as { rows: T[] };
    return result.rows;
  }
}
