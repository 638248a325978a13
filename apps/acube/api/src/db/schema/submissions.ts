// Volunteer applications and contact messages from the public: free text the staff read, never
// logs, the audit log or e-mails.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const volunteerStatuses = ['new', 'reviewing', 'accepted', 'rejected'] as const;
export const contactStatuses = ['new', 'read', 'replied', 'archived'] as const;

export const volunteerApplications = pgTable(
  'volunteer_applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    name: text().notNull(),
    email: text().notNull(),
    phone: text().notNull().default(''),
    availability: text().notNull().default(''),
    message: text().notNull().default(''),
    status: text({ enum: volunteerStatuses }).notNull().default('new'),
    dedupeKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_applications_status_idx').on(t.status, t.createdAt),
    index('volunteer_applications_dedupe_idx').on(t.dedupeKey, t.createdAt),
    check(
      'volunteer_applications_status_known',
      sql`${t.status} in ('new', 'reviewing', 'accepted', 'rejected')`,
    ),
  ],
);

export const contactMessages = pgTable(
  'contact_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    name: text().notNull(),
    email: text().notNull(),
    subject: text().notNull().default(''),
    message: text().notNull(),
    status: text({ enum: contactStatuses }).notNull().default('new'),
    dedupeKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_messages_status_idx').on(t.status, t.createdAt),
    index('contact_messages_dedupe_idx').on(t.dedupeKey, t.createdAt),
    check('contact_messages_status_known', sql`${t.status} in ('new', 'read', 'replied', 'archived')`),
  ],
);
