// Queries of the roster import: what already exists for the file's terms, courses and people,
// and the batched writes. Every method takes the transaction (or db) it runs in.
import type { Db, Tx } from '@campus/platform/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { courses, courseTeachers, enrollments, terms, users } from '../../db/schema/index.ts';

type Q = Db | Tx;
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function inChunks<K, R>(keys: readonly K[], read: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const chunk of chunks(keys)) out.push(...(await read(chunk)));
  return out;
}

export const rosterImportRepository = {
  /** Serialises imports: two admins importing at once must not both create the same term. */
  async lock(tx: Tx): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('attn.roster-import'))`);
  },

  usersByNumber: (q: Q, numbers: string[]) =>
    inChunks(numbers, (c) =>
      q
        .select({
          id: users.id,
          schoolNumber: users.schoolNumber,
          fullName: users.fullName,
          email: users.email,
          role: users.role,
          sisId: users.sisId,
        })
        .from(users)
        .where(inArray(users.schoolNumber, c)),
    ),

  termsByTitle: (q: Q, titles: string[]) =>
    inChunks(titles, (c) => q.select().from(terms).where(inArray(terms.title, c)).orderBy(terms.createdAt)),

  coursesOfTerms: (q: Q, termIds: string[]) =>
    inChunks(termIds, (c) =>
      q.select().from(courses).where(inArray(courses.termId, c)).orderBy(courses.createdAt),
    ),

  enrollmentsOf: (q: Q, courseIds: string[]) =>
    inChunks(courseIds, (c) =>
      q
        .select({ courseId: enrollments.courseId, userId: enrollments.studentId })
        .from(enrollments)
        .where(inArray(enrollments.courseId, c)),
    ),

  teachersOf: (q: Q, courseIds: string[]) =>
    inChunks(courseIds, (c) =>
      q
        .select({ courseId: courseTeachers.courseId, userId: courseTeachers.teacherId })
        .from(courseTeachers)
        .where(inArray(courseTeachers.courseId, c)),
    ),

  insertTerms: (tx: Tx, rows: (typeof terms.$inferInsert)[]) =>
    inChunks(rows, (c) => tx.insert(terms).values(c).returning({ id: terms.id, title: terms.title })),

  async updateTerm(tx: Tx, id: string, set: { startsOn: string; endsOn: string }) {
    await tx
      .update(terms)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(terms.id, id));
  },

  insertCourses: (tx: Tx, rows: (typeof courses.$inferInsert)[]) =>
    inChunks(rows, (c) =>
      tx.insert(courses).values(c).returning({ id: courses.id, termId: courses.termId, code: courses.code }),
    ),

  async updateCourse(tx: Tx, id: string, title: string) {
    await tx.update(courses).set({ title, updatedAt: sql`now()` }).where(eq(courses.id, id));
  },

  insertUsers: (tx: Tx, rows: (typeof users.$inferInsert)[]) =>
    inChunks(rows, (c) =>
      tx.insert(users).values(c).returning({ id: users.id, schoolNumber: users.schoolNumber }),
    ),

  async updateUser(tx: Tx, id: string, set: { fullName: string; email: string | null }) {
    await tx
      .update(users)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(users.id, id), sql`${users.sisId} is null`));
  },

  async insertEnrollments(tx: Tx, rows: { courseId: string; studentId: string }[]) {
    for (const c of chunks(rows))
      await tx
        .insert(enrollments)
        .values(c.map((r) => ({ ...r, source: 'csv' })))
        .onConflictDoNothing();
  },

  async insertTeachers(tx: Tx, rows: { courseId: string; teacherId: string }[]) {
    for (const c of chunks(rows)) await tx.insert(courseTeachers).values(c).onConflictDoNothing();
  },
};
