// Staff accounts of the admin panel: superadmins manage admins; staff run the day-to-day.
import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const adminRoles = ['superadmin', 'staff'] as const;
export type AdminRole = (typeof adminRoles)[number];

export const admins = pgTable(
  'admins',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: text({ enum: adminRoles }).notNull(),
    disabledAt: timestamp({ withTimezone: true }),
    /** A new admin sets their password through a mailed link; only its hash is kept. */
    setupTokenHash: text().unique(),
    setupTokenExpiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('admins_role_known', sql`${t.role} in ('superadmin', 'staff')`)],
);
