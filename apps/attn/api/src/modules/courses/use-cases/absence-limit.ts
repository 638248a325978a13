// A course's absence limit: read and changed by the course's teachers and by admins (403 for
// another teacher, 404 for no such course); each change audited with the values before and after.
import type { Db } from '@campus/platform/db';
import { notFound } from '@campus/platform/errors';
import { type AbsenceLimitRow, absenceLimitRepository as repo } from '../absence-limit.repository.ts';
import type { Actor, CoursesContext } from '../courses.context.ts';
import { assertManages, type Manager } from './course-access.ts';

const view = (row: AbsenceLimitRow) => ({
  course_id: row.courseId,
  percent: row.percent,
  planned_sessions: row.plannedSessions,
});

/** The limits of these courses, by course id (courses that do not exist are left out). */
export async function listAbsenceLimits(db: Db, courseIds: string[]): Promise<Map<string, AbsenceLimitRow>> {
  return new Map((await repo.list(db, courseIds)).map((r) => [r.courseId, r]));
}

export async function getAbsenceLimit(
  ctx: Pick<CoursesContext, 'db'>,
  input: { user: Manager; courseId: string },
) {
  await assertManages(ctx.db(), input.courseId, input.user);
  const row = await repo.get(ctx.db(), input.courseId);
  if (!row) throw notFound('Course');
  return view(row);
}

export async function setAbsenceLimit(
  ctx: Pick<CoursesContext, 'db' | 'audit' | 'clock'>,
  input: { actor: Actor; user: Manager; courseId: string; percent: number; plannedSessions: number | null },
) {
  return ctx.db().transaction(async (tx) => {
    await assertManages(tx, input.courseId, input.user);
    const before = await repo.get(tx, input.courseId, true);
    if (!before) throw notFound('Course');
    const limit = { percent: input.percent, plannedSessions: input.plannedSessions };
    await repo.set(tx, input.courseId, limit, ctx.clock.now());
    await ctx.audit.record(tx, {
      ...input.actor,
      action: 'course.absence_limit_set',
      entity: 'course',
      entityId: input.courseId,
      changes: {
        percent: input.percent,
        planned_sessions: input.plannedSessions,
        previous_percent: before.percent,
        previous_planned_sessions: before.plannedSessions,
      },
    });
    return view({ courseId: input.courseId, ...limit });
  });
}
