// Attendance sessions and check-ins. A check-in is unique per (session, student): the database,
// not the code, enforces "once only". The verification columns are the seam for face
// verification: 'not_required' unless the session asks for a selfie.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { courses } from './courses.ts';
import { users } from './users.ts';

export const attendanceSessions = pgTable(
  'attendance_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id),
    openedBy: uuid()
      .notNull()
      .references(() => users.id),
    title: text(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    /** When it closes by itself. */
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Set when a teacher closed it early, or the sweep found it past endsAt. */
    closedAt: timestamp({ withTimezone: true }),
    /** Seconds a code lives for (a code is accepted in its step and the one before). */
    codeStepSeconds: integer().notNull(),
    /** Check-ins later than this many minutes after opening are 'late'; null: never late. */
    lateAfterMinutes: integer(),
    selfieRequired: boolean().notNull().default(false),
    /** CIDRs a check-in must come from; empty: any network. */
    allowedNetworks: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attendance_sessions_course_idx').on(t.courseId, t.openedAt),
    index('attendance_sessions_open_idx').on(t.endsAt).where(sql`${t.closedAt} is null`),
  ],
);

export const checkinStatuses = ['present', 'late'] as const;
export const verificationStatuses = [
  'not_required',
  'pending',
  'verified',
  'rejected',
  'needs_review',
] as const;

const checkinColumns = {
  id: uuid().primaryKey().defaultRandom(),
  sessionId: uuid().notNull(),
  studentId: uuid().notNull(),
  status: text({ enum: checkinStatuses }).notNull(),
  checkedInAt: timestamp({ withTimezone: true }).notNull(),
  /** 'code' (the student checked in) or 'manual' (a teacher marked them). */
  source: text().notNull().default('code'),
  /** The id the student's browser keeps; several students on one device get flagged. */
  deviceId: text(),
  ip: text(),
  /** Who marked it by hand, and why. */
  markedBy: uuid(),
  reason: text(),
  verification: text({ enum: verificationStatuses }).notNull().default('not_required'),
  /** The selfie in the platform's file store, while it is kept. */
  selfieFileId: uuid(),
  similarity: real(),
  faceCount: integer(),
  spoofScore: real(),
  livenessScore: real(),
  verifiedAt: timestamp({ withTimezone: true }),
  /** Verification jobs tried so far (the job's retries and the stuck-pending re-queue). */
  verificationAttempts: integer().notNull().default(0),
  /** A selfie kept for review is deleted at this time if the teacher has not decided. */
  selfieDeleteAfter: timestamp({ withTimezone: true }),
  reviewedBy: uuid(),
  reviewedAt: timestamp({ withTimezone: true }),
};

export const checkins = pgTable(
  'checkins',
  {
    ...checkinColumns,
    sessionId: uuid()
      .notNull()
      .references(() => attendanceSessions.id),
    studentId: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    unique('checkins_once_per_session').on(t.sessionId, t.studentId),
    index('checkins_student_idx').on(t.studentId, t.checkedInAt),
    index('checkins_device_idx').on(t.sessionId, t.deviceId),
    index('checkins_pending_idx')
      .on(t.verification)
      .where(sql`${t.verification} in ('pending', 'needs_review')`),
    check('checkins_status_known', sql`${t.status} in ('present', 'late')`),
  ],
);

/** Check-ins of finished terms, moved out of the hot table by the archive schedule. */
export const checkinsArchive = pgTable(
  'checkins_archive',
  { ...checkinColumns, archivedAt: timestamp({ withTimezone: true }).notNull() },
  (t) => [
    index('checkins_archive_session_idx').on(t.sessionId, t.studentId),
    index('checkins_archive_student_idx').on(t.studentId, t.checkedInAt),
  ],
);

export const excuseCategories = ['medical_report', 'official_duty', 'other'] as const;

/**
 * An absence a teacher of the course (or an admin) excused: the student missed the session for
 * a reason the university accepts. One per (session, student). The note may carry health
 * matters: it stays on this row, read by the course's teachers, and is never logged or audited.
 */
export const excusedAbsences = pgTable(
  'excused_absences',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => attendanceSessions.id),
    studentId: uuid()
      .notNull()
      .references(() => users.id),
    category: text({ enum: excuseCategories }).notNull(),
    note: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique('excused_absences_once').on(t.sessionId, t.studentId),
    index('excused_absences_student_idx').on(t.studentId),
    check(
      'excused_absences_category_known',
      sql`${t.category} in ('medical_report', 'official_duty', 'other')`,
    ),
  ],
);

/** One row per SIS sync run: what it changed, or why it failed. */
export const sisSyncRuns = pgTable('sis_sync_runs', {
  id: uuid().primaryKey().defaultRandom(),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  finishedAt: timestamp({ withTimezone: true }),
  status: text().notNull(),
  /** Counts by kind: { terms: { created, updated, removed }, ... }. */
  changes: jsonb().$type<Record<string, unknown>>(),
  error: text(),
});
