// Queries of a course's absence limit: the percentage of sessions a student may miss and the
// planned sessions it counts from (columns of courses, which this module owns).
import type { Db, Tx } from '@campus/platform/db';
import { eq, inArray } from 'drizzle-orm';
import { courses } from '../../db/schema/index.ts';

export interface AbsenceLimitRow {
  courseId: string;
  percent: number;
  plannedSessions: number | null;
}

const columns = {
  courseId: courses.id,
  percent: courses.absenceLimitPercent,
  plannedSessions: courses.plannedSessions,
};

export const absenceLimitRepository = {
  async get(q: Db | Tx, courseId: string, forUpdate = false): Promise<AbsenceLimitRow | undefined> {
    const query = q.select(columns).from(courses).where(eq(courses.id, courseId));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  },

  async list(q: Db | Tx, courseIds: string[]): Promise<AbsenceLimitRow[]> {
    if (courseIds.length === 0) return [];
    return q.select(columns).from(courses).where(inArray(courses.id, courseIds));
  },

  async set(tx: Tx, courseId: string, limit: { percent: number; plannedSessions: number | null }, at: Date) {
    await tx
      .update(courses)
      .set({ absenceLimitPercent: limit.percent, plannedSessions: limit.plannedSessions, updatedAt: at })
      .where(eq(courses.id, courseId));
  },
};
