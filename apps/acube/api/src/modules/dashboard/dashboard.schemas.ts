import { type Static, Type } from 'typebox';

export const Dashboard = Type.Object({
  bookings_new: Type.Integer({ description: 'bookings waiting for staff (pending)' }),
  messages_new: Type.Integer({ description: 'contact messages not yet read (new)' }),
  applications_new: Type.Integer({ description: 'volunteer applications not yet looked at (new)' }),
  jobs_running: Type.Integer({ description: 'background jobs running now, across queues' }),
  jobs_failed: Type.Integer({ description: 'jobs that ran out of retries (failed or dead-lettered)' }),
});
export type Dashboard = Static<typeof Dashboard>;
