// Therapy session requests from the public. The message is sensitive free text: it never goes
// to logs, the audit log or e-mails. The person manages their own request through a private
// link whose token is stored only as a hash. A request records the person's explicit consent to
// the processing of health information (GDPR Art. 9, KVKK) with the privacy notice version they
// saw; rows from before consent was asked for have neither.
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const sessionTypes = ['individual', 'couple', 'family', 'group'] as const;
export const bookingStatuses = ['pending', 'confirmed', 'completed', 'cancelled', 'no-show'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_status_created_idx').on(t.status, t.createdAt),
    index('bookings_dedupe_idx').on(t.dedupeKey, t.createdAt),
    check('bookings_type_known', sql`${t.sessionType} in ('individual', 'couple', 'family', 'group')`),
    check(
      'bookings_status_known',
      sql`${t.status} in ('pending', 'confirmed', 'completed', 'cancelled', 'no-show')`,
    ),
  ],
);
