// Attendance as reports read it: check-ins of a course's sessions from both the live table and
// the archive (a finished term's rows live in checkins_archive), and the excused absences. A session counts as held once
// it is closed or past its end. Times leave PostgreSQL as epoch milliseconds (the same on
// node-postgres and PGlite); keyset cursors keep PostgreSQL's own text of the timestamp so
// that microseconds survive the round trip.
import type { Db } from '@campus/platform/db';
import { type SQL, sql } from 'drizzle-orm';
import { QUALITY_NOTE_PREFIX } from './use-cases/review-reason.ts';

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
const held = (now: Date) => sql`(s.closed_at is not null or s.ends_at <= ${now.toISOString()}::timestamptz)`;

/** A check-in's reason: a teacher's words, never the quality gate's note (use-cases/review-reason.ts). */
const reason = sql.raw(
  `case when c.reason like '${QUALITY_NOTE_PREFIX}%' then null else c.reason end as reason`,
);

/** Check-ins of either table, limited by `where` (written against alias `c`). */
const allCheckins = (where: SQL) => sql`(
  select c.id, c.session_id, c.student_id, c.status, c.source, c.verification, c.checked_in_at, ${reason}
    from checkins c where ${where}
  union all
  select c.id, c.session_id, c.student_id, c.status, c.source, c.verification, c.checked_in_at, ${reason}
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
  excused: number;
}

export interface SessionCountsRow {
  session_id: string;
  title: string | null;
  opened_at: number;
  present: number;
  late: number;
  excused: number;
  enrolled: number;
}

export interface StudentStandingRow {
  course_id: string;
  course_code: string;
  course_title: string;
  held: number;
  attended: number;
  excused: number;
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
  excuse_id: string | null;
  excuse_category: 'medical_report' | 'official_duty' | 'other' | null;
  excuse_note: string | null;
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
  /** present, late or excused; null: absent (a rejected selfie is no attendance). */
  status: string | null;
  source: string | null;
  checked_in_at: number | null;
  excuse_category: string | null;
}

export function createReportsRepository(db: () => Db) {
  return {
    /**
     * Per enrolled student: sessions held, attended (present or late, selfie not rejected), late,
     * and excused (an excused absence from a held session they did not attend).
     */
    courseSummary: (courseId: string, now: Date) =>
      rows<StudentSummaryRow>(
        db(),
        sql`with held as (
              select s.id from attendance_sessions s where s.course_id = ${courseId} and ${held(now)}),
            -- A check-in whose selfie the face check or the teacher rejected is no attendance.
            att as (
              select c.student_id, c.session_id, c.status
                from ${allCheckins(sql`c.session_id in (select id from held)`)} c
               where c.verification <> 'rejected'),
            exc as (
              select x.student_id from excused_absences x
               where x.session_id in (select id from held)
                 and not exists (select 1 from att where att.student_id = x.student_id and att.session_id = x.session_id))
            select u.id, u.school_number, u.full_name,
                   (select count(*) from held)::int as held,
                   (select count(*) from att where att.student_id = u.id)::int as attended,
                   (select count(*) from att where att.student_id = u.id and att.status = 'late')::int as late,
                   (select count(*) from exc where exc.student_id = u.id)::int as excused
              from enrollments e
              join users u on u.id = e.student_id
             where e.course_id = ${courseId}
             order by u.school_number`,
      ),

    /** Per held session, oldest first: the roster's present, late and excused counts, and its size. */
    sessionCounts: (courseId: string, now: Date) =>
      rows<SessionCountsRow>(
        db(),
        sql`with held as (
              select s.id, s.title, s.opened_at from attendance_sessions s
               where s.course_id = ${courseId} and ${held(now)}),
            roster as (select e.student_id from enrollments e where e.course_id = ${courseId}),
            att as (
              select c.student_id, c.session_id, c.status
                from ${allCheckins(sql`c.session_id in (select id from held)`)} c
               where c.verification <> 'rejected' and c.student_id in (select student_id from roster))
            select h.id as session_id, h.title, ${ms('h.opened_at')} as opened_at,
                   (select count(*) from att where att.session_id = h.id and att.status = 'present')::int as present,
                   (select count(*) from att where att.session_id = h.id and att.status = 'late')::int as late,
                   (select count(*) from excused_absences x
                     where x.session_id = h.id and x.student_id in (select student_id from roster)
                       and not exists (select 1 from att where att.session_id = h.id and att.student_id = x.student_id)
                   )::int as excused,
                   (select count(*) from roster)::int as enrolled
              from held h
             order by h.opened_at, h.id`,
      ),

    /** Per course the student is enrolled in: sessions held, attended and excused. */
    studentStanding: (studentId: string, now: Date) =>
      rows<StudentStandingRow>(
        db(),
        sql`with mine as (select e.course_id from enrollments e where e.student_id = ${studentId}),
            held as (
              select s.id, s.course_id from attendance_sessions s
               where s.course_id in (select course_id from mine) and ${held(now)}),
            att as (
              select c.session_id from ${allCheckins(sql`c.student_id = ${studentId}`)} c
               where c.verification <> 'rejected' and c.session_id in (select id from held)),
            exc as (
              select x.session_id from excused_absences x
               where x.student_id = ${studentId} and x.session_id in (select id from held)
                 and x.session_id not in (select session_id from att))
            select co.id as course_id, co.code as course_code, co.title as course_title,
                   (select count(*) from held where held.course_id = co.id)::int as held,
                   (select count(*) from held where held.course_id = co.id
                       and held.id in (select session_id from att))::int as attended,
                   (select count(*) from held where held.course_id = co.id
                       and held.id in (select session_id from exc))::int as excused
              from mine join courses co on co.id = mine.course_id
             order by co.code, co.id`,
      ),

    /** Every session of the course, oldest first, with this student's check-in if any. */
    studentSessions: (courseId: string, studentId: string, now: Date) =>
      rows<SessionRow>(
        db(),
        sql`select s.id as session_id, s.title, ${ms('s.opened_at')} as opened_at, ${ms('s.ends_at')} as ends_at,
                   ${ms('s.closed_at')} as closed_at, ${held(now)} as held,
                   c.status, c.source, c.verification, ${ms('c.checked_in_at')} as checked_in_at, c.reason,
                   x.id as excuse_id, x.category as excuse_category, x.note as excuse_note
              from attendance_sessions s
              left join ${allCheckins(sql`c.student_id = ${studentId}`)} c on c.session_id = s.id
              left join excused_absences x on x.session_id = s.id and x.student_id = ${studentId}
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
        sql`select u.school_number, u.full_name,
                   case when c.status is not null and c.verification <> 'rejected' then c.status
                        when x.id is not null then 'excused' end as status,
                   c.source, ${ms('c.checked_in_at')} as checked_in_at, x.category as excuse_category
              from enrollments e
              join users u on u.id = e.student_id
              left join ${allCheckins(sql`c.session_id = ${sessionId}`)} c on c.student_id = e.student_id
              left join excused_absences x on x.session_id = ${sessionId} and x.student_id = e.student_id
             where e.course_id = ${courseId} and u.school_number > ${after}
             order by u.school_number
             limit ${limit}`,
      ),
  };
}
