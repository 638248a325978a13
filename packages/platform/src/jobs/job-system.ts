// Jobs and schedules on pg-boss, on the app's own database: in this process on PGlite (pg-boss's
// PGlite backend), with its own small pool on PostgreSQL. Queues are declared in code; a job can
// be enqueued inside the transaction of the change that causes it; cron schedules run once per
// tick however many workers there are (pg-boss's timekeeper); ROLE decides whether this process
// runs workers and schedules; stop() lets running jobs finish, bounded. A sealed queue's
// payloads are stored encrypted; a failing job's error is stored and logged in its safe form
// (no query parameters or rows: see log/safe-error.ts).
import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import Value from 'typebox/value';
import { storableError } from '../log/safe-error.ts';
import type { FailedJob, JobState, JobSystemOptions, QueueSummary, SendOptions } from './job-types.ts';
import { JobPayloadError, UnknownQueueError } from './job-types.ts';
import { deadLetterName, type QueueDefinition } from './queue.ts';
import { jobProgress } from './schema.ts';
import { isSealed, PayloadSealer } from './sealed-payload.ts';

export class JobSystem {
  readonly #opts: JobSystemOptions;
  readonly #queues = new Map<string, QueueDefinition>();
  readonly #schedules: { queue: string; cron: string; data: object; key?: string }[] = [];
  readonly #sealer: PayloadSealer | undefined;
  #boss: PgBoss | undefined;
  #started = false;

  constructor(opts: JobSystemOptions) {
    this.#opts = opts;
    this.#sealer = opts.appSecret ? new PayloadSealer(opts.appSecret, 'job-payload') : undefined;
  }

  hasQueue(name: string): boolean {
    return this.#queues.has(name);
  }

  get hasQueues(): boolean {
    return this.#queues.size > 0;
  }

  get runsWorkers(): boolean {
    return this.#opts.role !== 'api';
  }

  define(queue: QueueDefinition): void {
    if (this.#started) throw new Error(`queue "${queue.name}" defined after the job system started`);
    if (this.#queues.has(queue.name)) throw new Error(`queue "${queue.name}" defined twice`);
    if (queue.sealed && !this.#sealer)
      throw new Error(`queue "${queue.name}" is sealed: the job system needs appSecret`);
    this.#queues.set(queue.name, queue);
  }

  /** A cron schedule (UTC) that enqueues `data` on `queue` once per tick across all instances. */
  schedule(queue: string, cron: string, data: object = {}, key?: string): void {
    this.#schedules.push({ queue, cron, data, ...(key ? { key } : {}) });
  }

  async start(): Promise<void> {
    const { database, logger } = this.#opts;
    const worker = this.runsWorkers;
    const common = {
      schedule: worker,
      supervise: worker,
      migrate: true,
      createSchema: true,
      superviseIntervalSeconds: this.#opts.superviseIntervalSeconds ?? 60,
      cronMonitorIntervalSeconds: this.#opts.cronMonitorIntervalSeconds ?? 30,
      monitorIntervalSeconds: this.#opts.monitorIntervalSeconds ?? 60,
    };
    const boss =
      database.kind === 'pglite' && database.pglite
        ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' })
        : new PgBoss({
            ...common,
            connectionString: database.url ?? this.#opts.databaseUrl,
            max: this.#opts.poolMax ?? 4,
            application_name: 'jobs',
          });
    boss.on('error', (err) => logger.error({ err }, 'job system error'));
    await boss.start();
    this.#boss = boss;

    for (const queue of this.#queues.values()) {
      const dead = deadLetterName(queue.name);
      await boss.createQueue(dead, { retentionSeconds: 14 * 86_400, deleteAfterSeconds: 30 * 86_400 });
      const deleteAfterSeconds = queue.keepFinishedSeconds ?? 7 * 86_400;
      await boss.createQueue(queue.name, {
        retryLimit: queue.retryLimit ?? 5,
        retryDelay: queue.retryDelaySeconds ?? 10,
        retryBackoff: true,
        retryDelayMax: queue.retryDelayMaxSeconds ?? 3600,
        expireInSeconds: queue.expireInSeconds ?? 900,
        deleteAfterSeconds,
        deadLetter: dead,
      });
    }
    for (const s of this.#schedules) {
      if (!this.#queues.has(s.queue))
        throw new UnknownQueueError(`schedule names unknown queue "${s.queue}"`);
      await boss.schedule(s.queue, s.cron, s.data, { tz: 'UTC', ...(s.key ? { key: s.key } : {}) });
    }
    if (worker) {
      for (const queue of this.#queues.values()) await this.#work(boss, queue);
    }
    this.#started = true;
    logger.info(
      { queues: [...this.#queues.keys()], schedules: this.#schedules.length, workers: worker },
      'job system started',
    );
  }

  /** Enqueues a job; the payload is checked against the queue's schema first. Returns its id. */
  async send(queueName: string, data: unknown, options: SendOptions = {}): Promise<string> {
    const queue = this.#queues.get(queueName);
    if (!queue) throw new UnknownQueueError(`no queue named "${queueName}"`);
    if (!Value.Check(queue.payload, data)) {
      const problems = [...Value.Errors(queue.payload, data)]
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message}`);
      throw new JobPayloadError(`payload for "${queueName}" is invalid: ${problems.join('; ')}`);
    }
    const boss = this.#require();
    const stored = queue.sealed ? this.#seal(queue, data) : (data as object);
    const id = await boss.send(queueName, stored, {
      ...(options.tx ? { db: fromDrizzle(options.tx as never, sql as never) } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      // Each job carries its queue's keep time too: createQueue leaves an existing queue as it
      // was, and a setting such as MAIL_KEEP_SENT_HOURS may have changed since.
      ...(queue.keepFinishedSeconds !== undefined ? { deleteAfterSeconds: queue.keepFinishedSeconds } : {}),
    });
    if (!id) throw new Error(`queue "${queueName}" refused the job`);
    return id;
  }

  async progress(jobId: string): Promise<{ done: number; total: number; updatedAt: Date } | null> {
    const [row] = await this.#opts.database.db
      .select()
      .from(jobProgress)
      .where(sql`${jobProgress.jobId} = ${jobId}`);
    return row ? { done: row.done, total: row.total, updatedAt: row.updatedAt } : null;
  }

  /**
   * One job of a queue, for a page that follows it: its state, its payload and its output (what the handler returned); null when the queue has no such job.
   */
  async job(
    queueName: string,
    jobId: string,
  ): Promise<{ id: string; state: JobState; data: unknown; output: unknown } | null> {
    this.#known(queueName);
    const boss = this.#require();
    const [job] = await boss.findJobs<unknown>(queueName, { id: jobId });
    if (!job) return null;
    const data = this.#open(queueName, job.data);
    return { id: job.id, state: job.state, data, output: job.output ?? null };
  }

  /**
   * Deletes the jobs of a queue (and of its dead-letter queue), in any state, whose stored
   * payload holds these fields: for a sealed queue, its lookup fields. Returns how many.
   */
  async deleteJobs(queueName: string, match: Record<string, string>): Promise<number> {
    this.#known(queueName);
    if (Object.keys(match).length === 0) throw new Error('deleteJobs needs at least one field to match');
    const rows = await this.#sql<{ id: string }>(
      `DELETE FROM pgboss.job WHERE name = ANY($1::text[]) AND data @> $2::jsonb RETURNING id`,
      [[queueName, deadLetterName(queueName)], JSON.stringify(match)],
    );
    return rows.length;
  }

  /**
   * The jobs of a queue (and of its dead-letter queue), in any state, whose stored payload holds
   * these fields (for a sealed queue, its lookup fields), oldest first, their payloads opened.
   */
  async findJobs(
    queueName: string,
    match: Record<string, string>,
  ): Promise<{ id: string; state: string; createdOn: string; data: unknown }[]> {
    this.#known(queueName);
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
      data: this.#open(queueName, r.data),
    }));
  }

  /** Queue counts for the admin API, counted now (pg-boss's own counts are cached for a minute). */
  async queues(): Promise<QueueSummary[]> {
    const names = [...this.#queues.keys()];
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

  /** Jobs that ran out of retries: failed in their queue, or waiting in its dead-letter queue. */
  async failed(queueName: string, limit = 100): Promise<FailedJob[]> {
    this.#known(queueName);
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

  /** Runs a failed or dead-lettered job again. Returns the id of the job that will run. */
  async retry(queueName: string, jobId: string): Promise<string | null> {
    this.#known(queueName);
    const boss = this.#require();
    const [dead] = await boss.findJobs<object>(deadLetterName(queueName), { id: jobId });
    if (dead) {
      const id = await boss.send(queueName, dead.data);
      await boss.deleteJob(deadLetterName(queueName), jobId);
      this.#opts.logger.info(
        { event: 'job.retried', queue: queueName, jobId, newJobId: id },
        'dead-lettered job sent again',
      );
      return id;
    }
    const [failed] = await boss.findJobs<object>(queueName, { id: jobId });
    if (!failed || (failed as { state?: string }).state !== 'failed') return null;
    await boss.retry(queueName, jobId);
    this.#opts.logger.info({ event: 'job.retried', queue: queueName, jobId }, 'failed job retried');
    return jobId;
  }

  /** Cancels a queued, retrying or dead-lettered job. Returns false when there was none. */
  async cancel(queueName: string, jobId: string): Promise<boolean> {
    this.#known(queueName);
    const boss = this.#require();
    for (const name of [queueName, deadLetterName(queueName)]) {
      const result = await boss.cancel(name, jobId);
      if (((result as { affected?: number }).affected ?? 0) > 0) {
        this.#opts.logger.info({ event: 'job.cancelled', queue: name, jobId }, 'job cancelled');
        return true;
      }
    }
    return false;
  }

  /** For /health/ready: the job tables answer. */
  async check(): Promise<'up'> {
    if (!this.#boss) throw new Error('job system not started');
    await this.#sql('SELECT 1 FROM pgboss.version LIMIT 1', []);
    return 'up';
  }

  /** Stops taking jobs and waits for running ones, up to the shutdown timeout. */
  async stop(): Promise<void> {
    const boss = this.#boss;
    if (!boss) return;
    this.#boss = undefined;
    await boss.stop({ graceful: true, timeout: this.#opts.shutdownTimeoutMs, close: true });
    this.#opts.logger.info({}, 'job system stopped');
  }

  async #work(boss: PgBoss, queue: QueueDefinition): Promise<void> {
    const { logger, database, clock } = this.#opts;
    await boss.work<unknown>(
      queue.name,
      {
        localConcurrency: queue.concurrency ?? 1,
        pollingIntervalSeconds: this.#opts.pollingIntervalSeconds ?? 2,
      },
      async ([job]) => {
        if (!job) return;
        const started = performance.now();
        const log = logger.child({ queue: queue.name, jobId: job.id });
        log.info({ event: 'job.started', retryCount: job.retryCount }, 'job started');
        try {
          const output = await queue.handler({
            id: job.id,
            data: this.#open(queue.name, job.data) as never,
            retryCount: job.retryCount,
            signal: job.signal,
            progress: async (done, total) => {
              await database.db
                .insert(jobProgress)
                .values({ jobId: job.id, queue: queue.name, done, total, updatedAt: clock.now() })
                .onConflictDoUpdate({
                  target: jobProgress.jobId,
                  set: { done, total, updatedAt: clock.now() },
                });
            },
          });
          log.info({ event: 'job.completed', ms: Math.round(performance.now() - started) }, 'job completed');
          return output ?? undefined;
        } catch (err) {
          log.warn({ event: 'job.failed', err, retryCount: job.retryCount }, 'job failed');
          // pg-boss stores every own property of the error in the job's output: only its safe form.
          throw storableError(err);
        }
      },
    );
  }

  #seal(queue: QueueDefinition, data: unknown): object {
    const sealer = this.#sealer as PayloadSealer;
    return { ...(queue.lookup?.(data as never) ?? {}), sealed: sealer.seal(data, queue.name) };
  }

  /** A sealed payload decrypted; a plain one (a queue sealed since it was sent) as it is. */
  #open(queueName: string, data: unknown): unknown {
    if (!isSealed(data)) return data;
    if (!this.#sealer) throw new Error(`a sealed job of "${queueName}" needs appSecret to open`);
    return this.#sealer.open(data.sealed, queueName);
  }

  #require(): PgBoss {
    if (!this.#boss) throw new Error('the job system is not running');
    return this.#boss;
  }

  #known(queueName: string): void {
    if (!this.#queues.has(queueName)) throw new UnknownQueueError(`no queue named "${queueName}"`);
  }

  async #sql<T>(text: string, values: unknown[]): Promise<T[]> {
    const db = this.#require().getDb();
    const result = (await db.executeSql(text, values)) as { rows: T[] };
    return result.rows;
  }
}
