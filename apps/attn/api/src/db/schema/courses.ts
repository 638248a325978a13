// Terms, courses, their teachers and their rosters: from the SIS sync or an admin's CSV import.
// sis_id is the SIS's sourcedId (OneRoster); rows an admin made by CSV have none.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const terms = pgTable('terms', {
  id: uuid().primaryKey().defaultRandom(),
  sisId: text().unique(),
  title: text().notNull(),
  startsOn: date().notNull(),
  endsOn: date().notNull(),
  /** Set when the term's attendance was moved to attendance_archive. */
  archivedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const courses = pgTable(
  'courses',
  {
    id: uuid().primaryKey().defaultRandom(),
    sisId: text().unique(),
    termId: uuid()
      .notNull()
      .references(() => terms.id),
    /** The course code people know it by ('CENG 101'), unique within a term. */
    code: text().notNull(),
    title: text().notNull(),
    /** The absence limit: a student may miss at most this percentage of the sessions. */
    absenceLimitPercent: integer().notNull().default(30),
    /** Sessions the course plans this term, the limit's base; null: the sessions held so far. */
    plannedSessions: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('courses_term_idx').on(t.termId, t.code),
    check('courses_absence_limit_range', sql`${t.absenceLimitPercent} between 0 and 100`),
  ],
);

export const courseTeachers = pgTable(
  'course_teachers',
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    teacherId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.teacherId] }),
    index('course_teachers_teacher_idx').on(t.teacherId),
  ],
);

export const enrollments = pgTable(
  'enrollments',
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    studentId: uuid()
      .notNull()
      .references(() => users.id),
    /** 'sis' or 'csv': a sync removes only what the SIS put there. */
    source: text().notNull().default('sis'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.studentId] }),
    index('enrollments_student_idx').on(t.studentId),
  ],
);
