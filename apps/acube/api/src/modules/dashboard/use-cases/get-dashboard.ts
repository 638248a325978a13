// The panel's first page in one answer: what waits for staff, and how the background jobs stand.
import type { DashboardContext } from '../dashboard.context.ts';
import type { Dashboard } from '../dashboard.schemas.ts';
import { jobTotals } from './dashboard-rules.ts';

export async function getDashboard(ctx: DashboardContext): Promise<Dashboard> {
  const [bookings, messages, applications, queues] = await Promise.all([
    ctx.counters.bookingsNew(),
    ctx.counters.messagesNew(),
    ctx.counters.applicationsNew(),
    ctx.jobs.queues(),
  ]);
  return {
    bookings_new: bookings,
    messages_new: messages,
    applications_new: applications,
    ...jobTotals(queues),
  };
}
