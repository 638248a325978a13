// People who use ATTN: students, teachers and admins, known by their school number.
import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const userRoles = ['student', 'teacher', 'admin'] as const;

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
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_role_known', sql`${t.role} in ('student', 'teacher', 'admin')`)],
);
