// People who use ATTN: students, teachers and admins, known by their school number. A user
// comes from the SIS (sis_id set, password checked there) or is local (argon2id hash here).
import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const userRoles = ['student', 'teacher', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolNumber: text().notNull().unique(),
    fullName: text().notNull(),
    email: text(),
    role: text({ enum: userRoles }).notNull(),
    /** argon2id hash; null when the password is checked against the SIS. */
    passwordHash: text(),
    /** The SIS's sourcedId for this person; null for a local account. */
    sisId: text().unique(),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_role_known', sql`${t.role} in ('student', 'teacher', 'admin')`)],
);
