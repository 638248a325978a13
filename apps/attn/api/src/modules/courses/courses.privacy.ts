// What a privacy request and the face retention schedule read of courses and rosters (the
// privacy module, through index.ts). A roster is active while its course's term is neither
// archived nor over: terms.archived_at is null and terms.ends_on is today or later (a future
// term's roster counts too: its students will check in). Courses have no state of their own;
// their term decides.
import type { Db } from '@campus/platform/db';
import { and, asc, eq, gte, inArray, isNull, max, sql } from 'drizzle-orm';
import { courses, enrollments, terms } from '../../db/schema/index.ts';

export interface RosterStanding {
  studentId: string;
  /** On the roster of at least one course whose term is not archived and not over. */
  onActiveRoster: boolean;
  /** The latest end of a term of any course the student is enrolled in (YYYY-MM-DD); null: none. */
  lastTermEnd: string | null;
}

export function coursesForPrivacy(db: () => Db) {
  return {
    /** Every course the student is on the roster of, with its term, by term then code. */
    listEnrolments: (studentId: string) =>
      db()
        .select({
          courseId: courses.id,
          code: courses.code,
          title: courses.title,
          termTitle: terms.title,
          startsOn: terms.startsOn,
          endsOn: terms.endsOn,
          termArchivedAt: terms.archivedAt,
          source: enrollments.source,
          enrolledAt: enrollments.createdAt,
        })
        .from(enrollments)
        .innerJoin(courses, eq(courses.id, enrollments.courseId))
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(eq(enrollments.studentId, studentId))
        .orderBy(asc(terms.startsOn), asc(courses.code)),

    /** For each of `studentIds`: on an active roster on `today` (YYYY-MM-DD), and the last term end. */
    async rosterStanding(studentIds: string[], today: string): Promise<Map<string, RosterStanding>> {
      const result = new Map<string, RosterStanding>(
        studentIds.map((id) => [id, { studentId: id, onActiveRoster: false, lastTermEnd: null }]),
      );
      if (studentIds.length === 0) return result;
      const rows = await db()
        .select({
          studentId: enrollments.studentId,
          lastTermEnd: max(terms.endsOn),
          active:
            sql<number>`count(*) filter (where ${and(isNull(terms.archivedAt), gte(terms.endsOn, today))})`.mapWith(
              Number,
            ),
        })
        .from(enrollments)
        .innerJoin(courses, eq(courses.id, enrollments.courseId))
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(inArray(enrollments.studentId, studentIds))
        .groupBy(enrollments.studentId);
      for (const r of rows)
        result.set(r.studentId, {
          studentId: r.studentId,
          onActiveRoster: r.active > 0,
          lastTermEnd: r.lastTermEnd,
        });
      return result;
    },
  };
}
