// Registrations for events: confirmed while places last, then an ordered waiting list. A
// cancellation of a confirmed place promotes the first one waiting. The person manages their
// registration through a private link whose token is stored only as a hash; a promotion mails a
// second link (its hash beside the first), and the first one keeps working.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { events } from './events.ts';

export const registrationStatuses = ['confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const registrations = pgTable(
  'registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    email: text().notNull(),
    status: text({ enum: registrationStatuses }).notNull(),
    /** Order on the waiting list (1 = next to be promoted); null once confirmed or cancelled. */
    position: integer(),
    manageTokenHash: text().notNull().unique(),
    /** The link in the promotion mail, when there was one: it opens the same registration. */
    promotionTokenHash: text().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('registrations_event_status_idx').on(t.eventId, t.status),
    // One live registration per person and event; one person per waiting-list place.
    uniqueIndex('registrations_event_email_live_idx')
      .on(t.eventId, t.email)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex('registrations_event_position_idx')
      .on(t.eventId, t.position)
      .where(sql`${t.position} is not null`),
    check('registrations_status_known', sql`${t.status} in ('confirmed', 'waiting', 'cancelled')`),
    check(
      'registrations_position_when_waiting',
      sql`(${t.status} = 'waiting') = (${t.position} is not null)`,
    ),
  ],
);
