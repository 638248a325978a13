// A scheduled sweep of spent login credentials (expired refresh tokens, ended sessions): one
// queue and one cron schedule, so that the sweep runs once per tick across all instances. The
// app says what is swept and how; this knows nothing of either app.
import { Type } from 'typebox';
import type { JobSystem } from '../jobs/job-system.ts';
import { defineQueue } from '../jobs/queue.ts';

export interface AuthSweep {
  /** The queue's name, e.g. 'auth-sweep'. */
  name: string;
  /** When it runs (UTC), e.g. '17 * * * *' for hourly. */
  cron: string;
  /** Deletes what has expired or been spent; answers how many rows went. */
  deleteExpired(): Promise<number>;
  logger: { info(fields: object, msg: string): void };
  /** What is deleted, for the log line: 'expired refresh tokens' logs "expired refresh tokens deleted". */
  what: string;
}

export function scheduleAuthSweep(jobs: Pick<JobSystem, 'define' | 'schedule'>, sweep: AuthSweep): void {
  jobs.define(
    defineQueue({
      name: sweep.name,
      payload: Type.Object({}),
      handler: async () => {
        const deleted = await sweep.deleteExpired();
        sweep.logger.info({ event: 'auth.swept', deleted }, `${sweep.what} deleted`);
      },
    }),
  );
  jobs.schedule(sweep.name, sweep.cron);
}
