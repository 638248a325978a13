// Therapy session requests from the public. The message is sensitive free text: it never goes
// to logs, the audit log or e-mails. The person manages their own request through a private
// link whose token is stored only as a hash. A request records the person's explicit consent to
// the processing of health information (GDPR Art. 9, KVKK) with the privacy notice version they
// saw; rows from before consent was asked for have neither.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const sessionTypes = ['individual', 'couple', 'family', 'group'] as const;
export const bookingStatuses = ['pending', 'confirmed', 'completed', 'cancelled', 'no-show'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const appointmentModes = ['in_person', 'online'] as const;
export type AppointmentMode = (typeof appointmentModes)[number];

export const bookings = pgTable(
  'bookings',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Short reference the person can quote, e.g. "B-7KQ2MX". */
    reference: text().notNull().unique(),
    name: text().notNull(),
    email: text().notNull(),
    phone: text().notNull().default(''),
    sessionType: text({ enum: sessionTypes }).notNull(),
    preferredDate: date({ mode: 'string' }).notNull(),
    preferredTime: text(),
    message: text().notNull().default(''),
    status: text({ enum: bookingStatuses }).notNull().default('pending'),
    manageTokenHash: text().notNull().unique(),
    /** Same e-mail and content within ten minutes is the same submission. */
    dedupeKey: text().notNull(),
    /** The privacy notice version the person consented under. */
    consentNoticeVersion: text(),
    consentedAt: timestamp({ withTimezone: true }),
    /**
     * The appointment staff set on confirming (all null until then, and again after a cancel).
     * The sequence grows on each change, so a calendar replaces its copy of the event.
     */
    appointmentStartsAt: timestamp({ withTimezone: true }),
    appointmentDurationMinutes: integer(),
    appointmentMode: text({ enum: appointmentModes }),
    appointmentWith: text(),
    appointmentLocation: text(),
    appointmentSequence: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_status_created_idx').on(t.status, t.createdAt),
    index('bookings_dedupe_idx').on(t.dedupeKey, t.createdAt),
    check('bookings_type_known', sql`${t.sessionType} in ('individual', 'couple', 'family', 'group')`),
    check('bookings_appointment_mode_known', sql`${t.appointmentMode} in ('in_person', 'online')`),
    check(
      'bookings_appointment_whole',
      sql`(${t.appointmentStartsAt} is null) = (${t.appointmentDurationMinutes} is null) and (${t.appointmentStartsAt} is null) = (${t.appointmentMode} is null) and (${t.appointmentStartsAt} is null) = (${t.appointmentWith} is null)`,
    ),
    check(
      'bookings_status_known',
      sql`${t.status} in ('pending', 'confirmed', 'completed', 'cancelled', 'no-show')`,
    ),
  ],
);
