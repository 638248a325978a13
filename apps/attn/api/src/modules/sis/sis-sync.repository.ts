// Queries of the SIS sync: what ATTN holds of the SIS's records, batched writes, and the run
// rows. Every method takes the transaction (or db) it runs in; nothing here decides anything.
import { revokeSessionsWithStaleClaim } from '@campus/platform/auth';
import type { Db, Tx } from '@campus/platform/db';
import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { courses, courseTeachers, enrollments, sisSyncRuns, terms, users } from '../../db/schema/index.ts';

type Q = Db | Tx;
export type Pair = { courseId: string; userId: string };

export type SyncRunRow = typeof sisSyncRuns.$inferSelect;
export type TermRow = Pick<typeof terms.$inferSelect, 'id' | 'sisId' | 'title' | 'startsOn' | 'endsOn'>;
export type CourseRow = Pick<typeof courses.$inferSelect, 'id' | 'sisId' | 'termId' | 'code' | 'title'>;
export type UserRow = Pick<
  typeof users.$inferSelect,
  'id' | 'sisId' | 'schoolNumber' | 'fullName' | 'email' | 'role' | 'passwordHash'
>;

/** `(course_id, person_id) in ((...), ...)` for a batch of pairs. */
const pairIn = (courseCol: PgColumn, personCol: PgColumn, pairs: Pair[]) =>
  sql`(${courseCol}, ${personCol}) in (${sql.join(
    pairs.map((p) => sql`(${p.courseId}::uuid, ${p.userId}::uuid)`),
    sql`, `,
  )})`;

export const sisSyncRepository = {
  /** Serialises run starts, so two instances never run a sync at once. */
  async lock(tx: Tx): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('attn.sis-sync'))`);
  },

  /** Marks runs left 'running' by a process that died as failed. */
  async abandonStale(tx: Tx, startedBefore: Date, at: Date): Promise<void> {
    await tx
      .update(sisSyncRuns)
      .set({ status: 'failed', finishedAt: at, error: 'abandoned: the process running it stopped' })
      .where(and(eq(sisSyncRuns.status, 'running'), lt(sisSyncRuns.startedAt, startedBefore)));
  },

  async running(tx: Tx): Promise<SyncRunRow | undefined> {
    const [row] = await tx.select().from(sisSyncRuns).where(eq(sisSyncRuns.status, 'running')).limit(1);
    return row;
  },

  async startRun(tx: Tx, at: Date): Promise<SyncRunRow> {
    const [row] = await tx.insert(sisSyncRuns).values({ startedAt: at, status: 'running' }).returning();
    if (!row) throw new Error('sis_sync_runs insert returned nothing');
    return row;
  },

  async finishRun(
    q: Q,
    id: string,
    fields: {
      status: 'ok' | 'failed';
      finishedAt: Date;
      changes: Record<string, unknown>;
      error: string | null;
    },
  ): Promise<SyncRunRow | undefined> {
    const [row] = await q.update(sisSyncRuns).set(fields).where(eq(sisSyncRuns.id, id)).returning();
    return row;
  },

  /** Newest first; `before` is the id of the last run of the previous page (keyset, ties by id). */
  listRuns: (q: Q, limit: number, before?: string) =>
    q
      .select()
      .from(sisSyncRuns)
      .where(
        before
          ? sql`(${sisSyncRuns.startedAt}, ${sisSyncRuns.id}) < (select started_at, id from sis_sync_runs where id = ${before}::uuid)`
          : undefined,
      )
      .orderBy(desc(sisSyncRuns.startedAt), desc(sisSyncRuns.id))
      .limit(limit),

  sisTerms: (q: Q): Promise<TermRow[]> =>
    q
      .select({
        id: terms.id,
        sisId: terms.sisId,
        title: terms.title,
        startsOn: terms.startsOn,
        endsOn: terms.endsOn,
      })
      .from(terms)
      .where(isNotNull(terms.sisId)),

  sisCourses: (q: Q): Promise<CourseRow[]> =>
    q
      .select({
        id: courses.id,
        sisId: courses.sisId,
        termId: courses.termId,
        code: courses.code,
        title: courses.title,
      })
      .from(courses)
      .where(isNotNull(courses.sisId)),

  /** Every user: the sync matches SIS people by sis_id, and must see local numbers it may not take. */
  allUsers: (q: Q): Promise<UserRow[]> =>
    q
      .select({
        id: users.id,
        sisId: users.sisId,
        schoolNumber: users.schoolNumber,
        fullName: users.fullName,
        email: users.email,
        role: users.role,
        passwordHash: users.passwordHash,
      })
      .from(users),

  /** Roster rows of SIS courses, with their source (only 'sis' ones are the sync's to remove). */
  enrollmentsOfSisCourses: (q: Q) =>
    q
      .select({ courseId: enrollments.courseId, userId: enrollments.studentId, source: enrollments.source })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .where(isNotNull(courses.sisId)),

  /**
   * Teacher rows of SIS courses. course_teachers has no source column: a row is the SIS's when
   * both the course and the teacher came from the SIS (see the module's notes).
   */
  teachersOfSisCourses: (q: Q) =>
    q
      .select({
        courseId: courseTeachers.courseId,
        userId: courseTeachers.teacherId,
        fromSis: sql<boolean>`${users.sisId} is not null`,
      })
      .from(courseTeachers)
      .innerJoin(courses, eq(courses.id, courseTeachers.courseId))
      .innerJoin(users, eq(users.id, courseTeachers.teacherId))
      .where(isNotNull(courses.sisId)),

  insertTerms: (tx: Tx, rows: (typeof terms.$inferInsert)[]) =>
    tx.insert(terms).values(rows).onConflictDoNothing({ target: terms.sisId }).returning({ id: terms.id }),

  updateTerm: (tx: Tx, id: string, set: Partial<typeof terms.$inferInsert>) =>
    tx.update(terms).set(set).where(eq(terms.id, id)),

  insertCourses: (tx: Tx, rows: (typeof courses.$inferInsert)[]) =>
    tx
      .insert(courses)
      .values(rows)
      .onConflictDoNothing({ target: courses.sisId })
      .returning({ id: courses.id }),

  updateCourse: (tx: Tx, id: string, set: Partial<typeof courses.$inferInsert>) =>
    tx.update(courses).set(set).where(eq(courses.id, id)),

  /** New SIS people; a number or sis_id taken meanwhile (a login, an import) is left alone. */
  insertUsers: (tx: Tx, rows: (typeof users.$inferInsert)[]) =>
    tx.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id }),

  /**
   * Refreshes a SIS person. Login sessions carry the role from login, so a changed role ends
   * the person's sessions: they log in again with the new one.
   */
  updateUser: async (tx: Tx, id: string, set: Partial<typeof users.$inferInsert>) => {
    const rows = await tx
      .update(users)
      .set(set)
      .where(and(eq(users.id, id), sql`${users.passwordHash} is null`))
      .returning({ id: users.id });
    if (rows.length > 0 && set.role !== undefined)
      await revokeSessionsWithStaleClaim(tx, id, 'role', set.role);
    return rows;
  },

  insertEnrollments: (tx: Tx, pairs: Pair[]) =>
    tx
      .insert(enrollments)
      .values(pairs.map((p) => ({ courseId: p.courseId, studentId: p.userId, source: 'sis' })))
      .onConflictDoNothing()
      .returning({ courseId: enrollments.courseId }),

  deleteSisEnrollments: (tx: Tx, pairs: Pair[]) =>
    tx
      .delete(enrollments)
      .where(and(eq(enrollments.source, 'sis'), pairIn(enrollments.courseId, enrollments.studentId, pairs)))
      .returning({ courseId: enrollments.courseId }),

  insertTeachers: (tx: Tx, pairs: Pair[]) =>
    tx
      .insert(courseTeachers)
      .values(pairs.map((p) => ({ courseId: p.courseId, teacherId: p.userId })))
      .onConflictDoNothing()
      .returning({ courseId: courseTeachers.courseId }),

  deleteTeachers: (tx: Tx, pairs: Pair[]) =>
    tx
      .delete(courseTeachers)
      .where(pairIn(courseTeachers.courseId, courseTeachers.teacherId, pairs))
      .returning({ courseId: courseTeachers.courseId }),

  idsBySisId: async (q: Q, table: 'users' | 'courses' | 'terms', sisIds: string[]) => {
    const t = table === 'users' ? users : table === 'courses' ? courses : terms;
    const rows: { id: string; sisId: string | null }[] = [];
    for (let i = 0; i < sisIds.length; i += 1000) {
      rows.push(
        ...(await q
          .select({ id: t.id, sisId: t.sisId })
          .from(t)
          .where(inArray(t.sisId, sisIds.slice(i, i + 1000)))),
      );
    }
    return new Map(rows.map((r) => [r.sisId as string, r.id]));
  },
};
