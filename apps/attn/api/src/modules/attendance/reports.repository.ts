// Attendance as reports read it: check-ins of a course's sessions from both the live table and
// the archive (a finished term's rows live in checkins_archive). A session counts as held once
// it is closed or past its end. Times leave PostgreSQL as epoch milliseconds (the same on
// node-postgres and PGlite); keyset cursors keep PostgreSQL's own text of the timestamp so
// that microseconds survive the round trip.
import type { Db } from '@campus/platform/db';
import { type SQL, sql } from 'drizzle-orm';

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
const held = (now: Date) => sql`(s.closed_at is not null or s.ends_at <= ${now.toISOString()}::timestamptz)`;

/** Check-ins of either table, limited by `where` (written against alias `c`). */
const allCheckins = (where: SQL) => sql`(
  select c.id, c.session_id, c.student_id, c.status, c.source, c.verification, c.checked_in_at, c.reason
    from checkins c where ${where}
  union all
  select c.id, c.session_id, c.student_id, c.status, c.source, c.verification, c.checked_in_at, c.reason
    from checkins_archive c where ${where})`;

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface StudentSummaryRow {
  id: string;
  school_number: string;
  full_name: string;
  held: number;
  attended: number;
  late: number;
}

export interface SessionRow {
  session_id: string;
  title: string | null;
  opened_at: number;
  ends_at: number;
  closed_at: number | null;
  held: boolean;
  status: 'present' | 'late' | null;
  source: string | null;
  verification: string | null;
  checked_in_at: number | null;
  reason: string | null;
}

export interface HistoryRow {
  id: string;
  session_id: string;
  course_id: string;
  course_code: string;
  course_title: string;
  session_title: string | null;
  status: 'present' | 'late';
  source: string;
  verification: string;
  checked_in_at: number;
  cursor_at: string;
}

export interface ExportRow {
  school_number: string;
  full_name: string;
  status: string | null;
  source: string | null;
  checked_in_at: number | null;
}

export function createReportsRepository(db: () => Db) {
  return {
    /** Per enrolled student: sessions held, attended (present or late, selfie not rejected), late. */
    courseSummary: (courseId: string, now: Date) =>
      rows<StudentSummaryRow>(
        db(),
        sql`with held as (
              select s.id from attendance_sessions s where s.course_id = ${courseId} and ${held(now)}),
            -- A check-in whose selfie the face check or the teacher rejected is no attendance.
            att as (
              select c.student_id, c.status from ${allCheckins(sql`c.session_id in (select id from held)`)} c
               where c.verification <> 'rejected')
            select u.id, u.school_number, u.full_name,
                   (select count(*) from held)::int as held,
                   count(att.student_id)::int as attended,
                   (count(*) filter (where att.status = 'late'))::int as late
              from enrollments e
              join users u on u.id = e.student_id
              left join att on att.student_id = e.student_id
             where e.course_id = ${courseId}
             group by u.id, u.school_number, u.full_name
             order by u.school_number`,
      ),

    /** Every session of the course, oldest first, with this student's check-in if any. */
    studentSessions: (courseId: string, studentId: string, now: Date) =>
      rows<SessionRow>(
        db(),
        sql`select s.id as session_id, s.title, ${ms('s.opened_at')} as opened_at, ${ms('s.ends_at')} as ends_at,
                   ${ms('s.closed_at')} as closed_at, ${held(now)} as held,
                   c.status, c.source, c.verification, ${ms('c.checked_in_at')} as checked_in_at, c.reason
              from attendance_sessions s
              left join ${allCheckins(sql`c.student_id = ${studentId}`)} c on c.session_id = s.id
             where s.course_id = ${courseId}
             order by s.opened_at, s.id`,
      ),

    /** A student's own check-ins across courses, newest first, keyset-paged. */
    historyPage(studentId: string, limit: number, before?: { at: string; id: string }) {
      const after = before
        ? sql`and (h.checked_in_at, h.id) < (${before.at}::timestamptz, ${before.id}::uuid)`
        : sql``;
      return rows<HistoryRow>(
        db(),
        sql`select h.id, h.session_id, co.id as course_id, co.code as course_code, co.title as course_title,
                   s.title as session_title, h.status, h.source, h.verification,
                   ${ms('h.checked_in_at')} as checked_in_at, h.checked_in_at::text as cursor_at
              from ${allCheckins(sql`c.student_id = ${studentId}`)} h
              join attendance_sessions s on s.id = h.session_id
              join courses co on co.id = s.course_id
             where true ${after}
             order by h.checked_in_at desc, h.id desc
             limit ${limit}`,
      );
    },

    /** The course's held sessions, oldest first (a small set: a few a week). */
    heldSessions: (courseId: string, now: Date) =>
      rows<{ id: string; title: string | null; opened_at: number }>(
        db(),
        sql`select s.id, s.title, ${ms('s.opened_at')} as opened_at from attendance_sessions s
             where s.course_id = ${courseId} and ${held(now)} order by s.opened_at, s.id`,
      ),

    /** One batch of the roster for one session, by school number after `after`. */
    exportBatch: (courseId: string, sessionId: string, after: string, limit: number) =>
      rows<ExportRow>(
        db(),
        sql`select u.school_number, u.full_name, c.status, c.source, ${ms('c.checked_in_at')} as checked_in_at
              from enrollments e
              join users u on u.id = e.student_id
              left join ${allCheckins(sql`c.session_id = ${sessionId}`)} c on c.student_id = e.student_id
             where e.course_id = ${courseId} and u.school_number > ${after}
             order by u.school_number
             limit ${limit}`,
      ),
  };
}
