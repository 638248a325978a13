// Jobs (the platform's admin routes, mounted for A-Cube): what the app and the web may use.
export type { JobsFailedList, JobsQueueList } from '@campus/platform/jobs';
export { jobsModule } from './jobs.module.ts';
