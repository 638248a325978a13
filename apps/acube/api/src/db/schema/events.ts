// Events the non-profit runs: drafts are staff-only; published ones are public, and so is a
// published event's image (an uploaded file, served through the events routes).
import { storedFiles } from '@campus/platform/tables';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const eventStatuses = ['draft', 'published', 'cancelled'] as const;

export const events = pgTable(
  'events',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text().notNull().default(''),
    location: text().notNull().default(''),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }),
    capacity: integer().notNull(),
    status: text({ enum: eventStatuses }).notNull().default('draft'),
    /** The event's picture, an upload; shown to the public once the event is published. */
    imageFileId: uuid().references(() => storedFiles.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_status_starts_at_idx').on(t.status, t.startsAt),
    check('events_capacity_positive', sql`${t.capacity} > 0`),
    check('events_status_known', sql`${t.status} in ('draft', 'published', 'cancelled')`),
  ],
);
