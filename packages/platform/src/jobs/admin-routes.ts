// Admin routes over the job system, for an app to mount under its admin prefix with its own
// roles and policy: queue counts, failed and dead-lettered jobs, retry, cancel, progress.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { notFound } from '../errors.ts';
import type { Access } from '../guard/types.ts';
import { errorResponses } from '../http/schemas.ts';
import { UnknownQueueError } from './job-types.ts';

export interface JobsAdminOptions {
  access: Access;
  rateLimit: string;
}

const QueueParams = Type.Object({ queue: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }) });
const JobParams = Type.Object({
  queue: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }),
  id: Type.String({ format: 'uuid' }),
});
const QueueSummary = Type.Object({
  name: Type.String(),
  queued: Type.Integer(),
  active: Type.Integer(),
  failed: Type.Integer(),
  dead: Type.Integer(),
  total: Type.Integer(),
});
const FailedJob = Type.Object({
  id: Type.String(),
  queue: Type.String(),
  state: Type.Union([Type.Literal('failed'), Type.Literal('dead')]),
  retry_count: Type.Integer(),
  created_at: Type.String(),
  error: Type.Union([Type.String(), Type.Null()]),
});
const QueueList = Type.Object({ items: Type.Array(QueueSummary) });
const FailedList = Type.Object({ items: Type.Array(FailedJob) });

/** What GET / answers (for a front end's types). */
export type JobsQueueList = Static<typeof QueueList>;
/** What GET /:queue/failed answers. */
export type JobsFailedList = Static<typeof FailedList>;

export const jobsAdminRoutes: FastifyPluginAsyncTypebox<JobsAdminOptions> = async (app, opts) => {
  const config = { access: opts.access, rateLimit: opts.rateLimit };
  const known = (queue: string) => {
    if (!app.jobs.hasQueue(queue)) throw notFound('Queue');
  };

  app.get(
    '/',
    {
      config,
      schema: {
        tags: ['jobs'],
        summary: 'Queues with their counts',
        response: { 200: QueueList, ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: await app.jobs.queues() }),
  );

  app.get(
    '/:queue/failed',
    {
      config,
      schema: {
        tags: ['jobs'],
        summary: 'Jobs that ran out of retries: failed, or waiting in the dead-letter queue',
        params: QueueParams,
        response: {
          200: FailedList,
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      known(request.params.queue);
      const jobs = await app.jobs.failed(request.params.queue);
      return {
        items: jobs.map((j) => ({
          id: j.id,
          queue: j.queue,
          state: j.state,
          retry_count: j.retryCount,
          created_at: j.createdAt,
          error: j.error,
        })),
      };
    },
  );

  app.post(
    '/:queue/:id/retry',
    {
      config,
      schema: {
        tags: ['jobs'],
        summary: 'Run a failed or dead-lettered job again',
        params: JobParams,
        response: { 202: Type.Object({ job_id: Type.String() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      known(request.params.queue);
      const id = await app.jobs.retry(request.params.queue, request.params.id).catch((err) => {
        if (err instanceof UnknownQueueError) throw notFound('Queue');
        throw err;
      });
      if (!id) throw notFound('Failed job');
      request.log.info(
        {
          event: 'job.retry',
          queue: request.params.queue,
          jobId: request.params.id,
          by: request.principal?.id,
        },
        'job retried by an admin',
      );
      return reply.code(202).send({ job_id: id });
    },
  );

  app.post(
    '/:queue/:id/cancel',
    {
      config,
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a queued, retrying or dead-lettered job',
        params: JobParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      known(request.params.queue);
      if (!(await app.jobs.cancel(request.params.queue, request.params.id))) throw notFound('Job');
      request.log.info(
        {
          event: 'job.cancel',
          queue: request.params.queue,
          jobId: request.params.id,
          by: request.principal?.id,
        },
        'job cancelled by an admin',
      );
      return reply.code(204).send(null);
    },
  );
};
