// Queries of the archive schedule: finished terms not yet archived, and moving one batch of a
// term's check-ins to checkins_archive.
import type { Db } from '@campus/platform/db';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { terms } from '../../db/schema/index.ts';

const COLUMNS = `id, session_id, student_id, status, checked_in_at, source, device_id, ip, marked_by, reason,
  verification, selfie_file_id, similarity, face_count, spoof_score, liveness_score, verified_at,
  reviewed_by, reviewed_at`;

export function createArchiveRepository(db: () => Db) {
  return {
    /** Terms that ended before `endedBefore` (YYYY-MM-DD) and are not archived yet. */
    listDue: (endedBefore: string) =>
      db()
        .select({ id: terms.id, title: terms.title })
        .from(terms)
        .where(and(isNull(terms.archivedAt), lt(terms.endsOn, endedBefore)))
        .orderBy(asc(terms.endsOn)),

    /**
     * Moves up to `limit` of the term's check-ins in one short transaction: the DELETE and the
     * INSERT are one statement, so a row is in exactly one of the two tables at every instant.
     * Rows are locked with SKIP LOCKED so that a check-in being marked is taken next time.
     */
    async moveBatch(termId: string, limit: number, at: Date): Promise<number> {
      return db().transaction(async (tx) => {
        const result = (await tx.execute(sql`
          with batch as (
            select c.id from checkins c
              join attendance_sessions s on s.id = c.session_id
              join courses co on co.id = s.course_id
             where co.term_id = ${termId}
             limit ${limit}
             for update of c skip locked),
          moved as (
            delete from checkins where id in (select id from batch) returning ${sql.raw(COLUMNS)})
          insert into checkins_archive (${sql.raw(COLUMNS)}, archived_at)
          select ${sql.raw(COLUMNS)}, ${at.toISOString()}::timestamptz from moved`)) as unknown as {
          rowCount?: number | null;
          affectedRows?: number;
        };
        return Number(result.rowCount ?? result.affectedRows ?? 0);
      });
    },

    /** Marks the term archived once no check-in of it is left in the live table. */
    async finish(termId: string, at: Date): Promise<boolean> {
      const rows = await db()
        .update(terms)
        .set({ archivedAt: at, updatedAt: sql`now()` })
        .where(
          and(
            eq(terms.id, termId),
            isNull(terms.archivedAt),
            sql`not exists (select 1 from checkins c join attendance_sessions s on s.id = c.session_id
                              join courses co on co.id = s.course_id where co.term_id = ${termId})`,
          ),
        )
        .returning({ id: terms.id });
      return rows.length > 0;
    },
  };
}
