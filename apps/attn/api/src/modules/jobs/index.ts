// What app.ts (and the web front end, types only) may use of the jobs module.

export type { JobsFailedList, JobsQueueList } from '@campus/platform/jobs';
export { jobsModule } from './jobs.module.ts';
