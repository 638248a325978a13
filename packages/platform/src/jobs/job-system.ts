// Jobs and schedules on pg-boss, on the app's own database: in this process on PGlite (pg-boss's
// PGlite backend), with its own small pool on PostgreSQL. Queues are declared in code; a job can
// be enqueued inside the transaction of the change that causes it; cron schedules run once per
// tick however many workers there are (pg-boss's timekeeper); ROLE decides whether this process
// runs workers and schedules; stop() lets running jobs finish, bounded. A running job sends
// heartbeats (queue.heartbeatSeconds, default 15 s): when its process dies, another worker
// retries it at the next supervision pass, within a minute, not after its expiry. A sealed queue's
// payloads are stored encrypted; a failing job's error is stored and logged in its safe form
// (no query parameters or rows: see log/safe-error.ts).
import { sql } from 'drizzle-orm';
import { fromDrizzle, fromPglite, PgBoss } from 'pg-boss';
import Value from 'typebox/value';
import { storableError } from '../log/safe-error.ts';
import { JobAdmin } from './job-admin.ts';
import { jobContext } from './job-context.ts';
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
  readonly #admin: JobAdmin;
  #boss: PgBoss | undefined;
  #started = false;

  constructor(opts: JobSystemOptions) {
    this.#opts = opts;
    this.#sealer = opts.appSecret ? new PayloadSealer(opts.appSecret, 'job-payload') : undefined;
    this.#admin = new JobAdmin({
      boss: () => this.#require(),
      names: () => [...this.#queues.keys()],
      known: (name) => this.#known(name),
      open: (name, data) => this.#open(name, data),
      logger: opts.logger,
    });
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
      // createQueue leaves an existing queue as it was: the heartbeat is set on it every start.
      await boss.updateQueue(queue.name, { heartbeatSeconds: this.#heartbeat(queue) });
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
  deleteJobs(queueName: string, match: Record<string, string>): Promise<number> {
    return this.#admin.deleteJobs(queueName, match);
  }

  /** The jobs of a queue and its dead-letter queue whose payload holds these fields, oldest first, opened. */
  findJobs(queueName: string, match: Record<string, string>) {
    return this.#admin.findJobs(queueName, match);
  }

  /** Queue counts for the admin API, counted now (pg-boss's own counts are cached for a minute). */
  queues(): Promise<QueueSummary[]> {
    return this.#admin.queues();
  }

  /** Jobs that ran out of retries: failed in their queue, or waiting in its dead-letter queue. */
  failed(queueName: string, limit = 100): Promise<FailedJob[]> {
    return this.#admin.failed(queueName, limit);
  }

  /** Runs a failed or dead-lettered job again. Returns the id of the job that will run. */
  retry(queueName: string, jobId: string): Promise<string | null> {
    return this.#admin.retry(queueName, jobId);
  }

  /** Cancels a queued, retrying or dead-lettered job. Returns false when there was none. */
  cancel(queueName: string, jobId: string): Promise<boolean> {
    return this.#admin.cancel(queueName, jobId);
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
          const output = await queue.handler(
            jobContext(
              { db: database.db, clock },
              { ...job, queue: queue.name, data: this.#open(queue.name, job.data) as never },
            ),
          );
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

  /** The queue's heartbeat in seconds, the system's default (15) when it sets none, null when off. */
  #heartbeat(queue: QueueDefinition): number | null {
    return queue.heartbeatSeconds === undefined
      ? (this.#opts.heartbeatSeconds ?? 15)
      : queue.heartbeatSeconds;
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
    const result = (await this.#require().getDb().executeSql(text, values)) as { rows: T[] };
    return result.rows;
  }
}
