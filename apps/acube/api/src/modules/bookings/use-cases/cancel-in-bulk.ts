// A bulk status change to cancelled, as a single one does it: a booking that holds an appointment
// has it cleared and the person is mailed the calendar's cancellation (the same UID, a higher
// SEQUENCE), in the bulk chunk's transaction; the rest are set as before. The bulk operation
// audits every booking it changed, as it always has.
import type { Tx } from '@campus/platform/db';
import type { BookingStatus } from '../../../db/schema/bookings.ts';
import type { BulkStore } from '../../submissions/index.ts';
import { appointmentCancelled } from '../bookings.appointment.mail.ts';
import { appointmentCancellation, appointmentView } from './appointment-rules.ts';
import { type AppointmentContext, appointmentMailValues } from './set-appointment.ts';

type Deps = Pick<AppointmentContext, 'appointments' | 'mail' | 'publicUrl' | 'timeZone' | 'mailFrom'>;

export function cancellingAppointments(
  store: BulkStore<BookingStatus>,
  deps: Deps,
): BulkStore<BookingStatus> {
  return {
    deleteByIds: (ids, tx) => store.deleteByIds(ids, tx),
    async setStatuses(ids: string[], status: BookingStatus, at: Date, tx: Tx): Promise<string[]> {
      if (status !== 'cancelled') return store.setStatuses(ids, status, at, tx);
      const held = await deps.appointments.withAppointmentForUpdate(ids, tx);
      const cancelled = new Set<string>();
      for (const before of held) {
        const was = appointmentView(before);
        if (!was || appointmentCancellation(before.status, true) !== 'cancel') continue;
        const row = await deps.appointments.setAppointment(before.id, null, 'cancelled', at, tx);
        if (!row) continue;
        cancelled.add(row.id);
        await deps.mail.send(
          appointmentCancelled,
          row.email,
          appointmentMailValues(deps, row, was, 'cancelled'),
          {
            tx,
          },
        );
      }
      const rest = ids.filter((id) => !cancelled.has(id));
      const done = rest.length > 0 ? await store.setStatuses(rest, status, at, tx) : [];
      const changed = new Set([...cancelled, ...done]);
      return ids.filter((id) => changed.has(id));
    },
  };
}
