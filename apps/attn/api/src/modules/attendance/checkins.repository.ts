// The check-ins of a session: the writes, shaped for group commit, and what teachers and
// students read of them. A batch of check-ins is ONE statement (one commit). The insert joins
// the session (still open at the check-in's time: a session closed by any instance can never
// take a row) and the enrollment (not enrolled: no row), and the unique key
// checkins_once_per_session turns a second check-in into no row. What did not come back is then
// told apart by one query.
import type { Db, Tx } from '@campus/platform/db';
import { and, asc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { checkins, users } from '../../db/schema/index.ts';

export interface CheckinDraft {
  sessionId: string;
  studentId: string;
  status: 'present' | 'late';
  checkedInAt: Date;
  deviceId: string;
  ip: string;
  verification: 'not_required' | 'pending' | 'needs_review';
  /** The selfie, stored before this row is written (selfie sessions only). */
  selfieFileId?: string | null;
}

export interface InsertedCheckin {
  id: string;
  session_id: string;
  student_id: string;
  status: 'present' | 'late';
  verification: string;
  checked_in_at: Date;
  device_id: string | null;
  school_number: string;
  full_name: string;
  /** Another student of this session checked in earlier from the same device. */
  device_flagged: boolean;
}

export interface Refusal {
  session_id: string;
  student_id: string;
  checked_in: boolean;
  enrolled: boolean;
}

export interface SessionCounts {
  enrolled: number;
  checked_in: number;
  present: number;
  late: number;
  flagged: number;
  pending_verification: number;
}

export interface TeacherCheckin {
  id: string;
  student_id: string;
  school_number: string;
  full_name: string;
  status: 'present' | 'late';
  source: string;
  verification: string;
  checked_in_at: Date;
  device_flagged: boolean;
}

const others = alias(checkins, 'others');
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const values = (drafts: CheckinDraft[], row: (d: CheckinDraft) => SQL) =>
  sql.join(
    drafts.map((d) => sql`(${row(d)})`),
    sql`, `,
  );

export function createCheckinsRepository(db: () => Db) {
  return {
    async insertBatch(drafts: CheckinDraft[]): Promise<InsertedCheckin[]> {
      // One array parameter per column (unnest), not seven parameters per row: the statement
      // text is the same for every batch size and cheap to build and to parse.
      const column = <T>(pick: (d: CheckinDraft) => T) => sql.param(drafts.map(pick));
      const result = await db().execute(sql`
        with v as (
          select * from unnest(
            ${column((d) => d.sessionId)}::uuid[], ${column((d) => d.studentId)}::uuid[],
            ${column((d) => d.status)}::text[], ${column((d) => d.checkedInAt.toISOString())}::timestamptz[],
            ${column((d) => d.deviceId)}::text[], ${column((d) => d.ip)}::text[],
            ${column((d) => d.verification)}::text[], ${column((d) => d.selfieFileId ?? null)}::uuid[]
          ) as v (session_id, student_id, status, checked_in_at, device_id, ip, verification, selfie_file_id)
        ),
        ins as (
          insert into checkins (session_id, student_id, status, checked_in_at, device_id, ip, verification, selfie_file_id, source)
          select v.session_id, v.student_id, v.status, v.checked_in_at, v.device_id, v.ip, v.verification, v.selfie_file_id, 'code'
            from v
            join attendance_sessions s
              on s.id = v.session_id and s.closed_at is null and s.ends_at > v.checked_in_at
            join enrollments e on e.course_id = s.course_id and e.student_id = v.student_id
          on conflict (session_id, student_id) do nothing
          returning id, session_id, student_id, status, verification, checked_in_at, device_id
        )
        select ins.*, u.school_number, u.full_name,
               exists (select 1 from checkins o
                        where o.session_id = ins.session_id and o.device_id = ins.device_id
                          and o.student_id <> ins.student_id) as device_flagged
          from ins join users u on u.id = ins.student_id`);
      return rowsOf<InsertedCheckin>(result).map((r) => ({ ...r, checked_in_at: new Date(r.checked_in_at) }));
    },

    /** Why each of these got no row: already checked in, or not on the roster (else: closed). */
    async classify(drafts: CheckinDraft[]): Promise<Refusal[]> {
      const rows = values(drafts, (d) => sql`${d.sessionId}::uuid, ${d.studentId}::uuid`);
      const result = await db().execute(sql`
        select v.session_id, v.student_id,
               exists (select 1 from checkins c
                        where c.session_id = v.session_id and c.student_id = v.student_id) as checked_in,
               exists (select 1 from attendance_sessions s
                         join enrollments e on e.course_id = s.course_id and e.student_id = v.student_id
                        where s.id = v.session_id) as enrolled
          from (values ${rows}) v (session_id, student_id)`);
      return rowsOf<Refusal>(result);
    },

    /** The session's counts: enrolled, checked in (present, late), flagged devices, pending checks. */
    async counts(session: { id: string; courseId: string }, tx: Db | Tx = db()): Promise<SessionCounts> {
      const result = await tx.execute(sql`
        select (select count(*) from enrollments e where e.course_id = ${session.courseId})::int as enrolled,
               count(*)::int as checked_in,
               count(*) filter (where c.status = 'present')::int as present,
               count(*) filter (where c.status = 'late')::int as late,
               count(*) filter (where c.verification in ('pending', 'needs_review'))::int as pending_verification,
               count(*) filter (where c.device_id is not null and exists (
                 select 1 from checkins o
                  where o.session_id = c.session_id and o.device_id = c.device_id
                    and o.student_id <> c.student_id))::int as flagged
          from checkins c where c.session_id = ${session.id}`);
      const row = rowsOf<SessionCounts>(result)[0];
      if (!row) throw new Error('counts returned nothing');
      return row;
    },

    /** Every check-in of the session, oldest first; a device used by several students is flagged. */
    async listForSession(sessionId: string, tx: Db | Tx = db()): Promise<TeacherCheckin[]> {
      const result = await tx.execute(sql`
        select c.id, c.student_id, u.school_number, u.full_name, c.status, c.source, c.verification,
               c.checked_in_at,
               (c.device_id is not null and count(*) over (partition by c.device_id) > 1) as device_flagged
          from checkins c join users u on u.id = c.student_id
         where c.session_id = ${sessionId}
         order by c.checked_in_at, c.id`);
      return rowsOf<TeacherCheckin>(result).map((r) => ({ ...r, checked_in_at: new Date(r.checked_in_at) }));
    },

    /** The session's check-ins as the live stream's snapshot shows them, oldest first. */
    listLive(sessionId: string, tx: Db | Tx = db()) {
      return tx
        .select({
          id: checkins.id,
          studentId: users.id,
          schoolNumber: users.schoolNumber,
          fullName: users.fullName,
          status: checkins.status,
          checkedInAt: checkins.checkedInAt,
          verification: checkins.verification,
          source: checkins.source,
          deviceFlagged: sql<boolean>`exists (${tx
            .select({ one: sql`1` })
            .from(others)
            .where(
              and(
                eq(others.sessionId, checkins.sessionId),
                eq(others.deviceId, checkins.deviceId),
                ne(others.studentId, checkins.studentId),
              ),
            )})`,
        })
        .from(checkins)
        .innerJoin(users, eq(users.id, checkins.studentId))
        .where(eq(checkins.sessionId, sessionId))
        .orderBy(asc(checkins.checkedInAt), asc(checkins.id));
    },

    /** Which of these sessions the student has checked in to. */
    async listCheckedIn(studentId: string, sessionIds: string[], tx: Db | Tx = db()): Promise<string[]> {
      if (sessionIds.length === 0) return [];
      const rows = await tx
        .select({ sessionId: checkins.sessionId })
        .from(checkins)
        .where(and(eq(checkins.studentId, studentId), inArray(checkins.sessionId, sessionIds)));
      return rows.map((r) => r.sessionId);
    },
  };
}

export type CheckinsRepository = ReturnType<typeof createCheckinsRepository>;
