// What the dashboard is given: a counter per record type, each from its own module (the
// dashboard reads no table), and the job system's queue counts.
import type { JobSystem } from '@campus/platform/jobs';

export interface DashboardCounters {
  bookingsNew(): Promise<number>;
  messagesNew(): Promise<number>;
  applicationsNew(): Promise<number>;
}

export interface DashboardContext {
  counters: DashboardCounters;
  jobs: Pick<JobSystem, 'queues'>;
}
