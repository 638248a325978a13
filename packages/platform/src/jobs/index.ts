// @campus/platform/jobs: queues and schedules on pg-boss.

export {
  type JobsAdminOptions,
  type JobsFailedList,
  type JobsQueueList,
  jobsAdminRoutes,
} from './admin-routes.ts';
export {
  type ChunkedResult,
  ChunkFailedError,
  type ChunkPlan,
  type ChunkRange,
  type ChunkWork,
  JobTakenOverError,
} from './chunked-run.ts';
export * from './job-system.ts';
export * from './job-types.ts';
export * from './queue.ts';
