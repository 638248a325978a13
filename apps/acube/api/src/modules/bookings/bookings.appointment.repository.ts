// A booking's appointment in the database: its columns live on the bookings table (one owner,
// this module); these are the queries that set, reschedule and clear it. No HTTP, no rules.
import type { Db, Tx } from '@campus/platform/db';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type AppointmentMode, type BookingStatus, bookings } from '../../db/schema/bookings.ts';
import type { BookingRow } from './bookings.repository.ts';

/** An appointment as stored: a start (an instant), its length, how and with whom, and where. */
export interface AppointmentValues {
  startsAt: Date;
  durationMinutes: number;
  mode: AppointmentMode;
  with: string;
  location: string | null;
}

export function createAppointmentsRepository(db: () => Db) {
  return {
    /** One booking, locked until the transaction ends: two staff changing it at once queue up. */
    async getForUpdate(id: string, tx: Tx): Promise<BookingRow | undefined> {
      const [row] = await tx.select().from(bookings).where(eq(bookings.id, id)).for('update');
      return row;
    },
    /** Of these bookings, those that hold an appointment, locked until the transaction ends. */
    async withAppointmentForUpdate(ids: string[], tx: Tx): Promise<BookingRow[]> {
      if (ids.length === 0) return [];
      return tx
        .select()
        .from(bookings)
        .where(and(inArray(bookings.id, ids), isNotNull(bookings.appointmentStartsAt)))
        .for('update');
    },
    /**
     * Sets (or, with null, clears) the appointment and the status together. The calendar sequence
     * grows by one on every change, so the row returned carries the SEQUENCE to send now.
     */
    async setAppointment(
      id: string,
      appointment: AppointmentValues | null,
      status: BookingStatus,
      at: Date,
      tx: Db | Tx = db(),
    ): Promise<BookingRow | undefined> {
      const [row] = await tx
        .update(bookings)
        .set({
          appointmentStartsAt: appointment?.startsAt ?? null,
          appointmentDurationMinutes: appointment?.durationMinutes ?? null,
          appointmentMode: appointment?.mode ?? null,
          appointmentWith: appointment?.with ?? null,
          appointmentLocation: appointment?.location ?? null,
          appointmentSequence: sql`${bookings.appointmentSequence} + 1`,
          status,
          updatedAt: at,
        })
        .where(eq(bookings.id, id))
        .returning();
      return row;
    },
  };
}

export type AppointmentsRepository = ReturnType<typeof createAppointmentsRepository>;
