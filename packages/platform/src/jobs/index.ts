// @campus/platform/jobs: queues and schedules on pg-boss.
export * from './job-system.ts';
export * from './job-types.ts';
export * from './queue.ts';
export { type JobsAdminOptions, jobsAdminRoutes } from './admin-routes.ts';
