// Brings terms, courses, people and rosters in line with the SIS, and records the run. It reads
// everything before it writes anything, so a SIS that fails halfway changes nothing; then writes
// in short transactions of a batch each. Terms, courses and people are created or refreshed,
// never deleted (attendance history points at them); roster and teacher rows the SIS put there
// and no longer lists are removed; rows from a CSV import and local accounts are never touched.
// Running it again with nothing changed in the SIS changes nothing.
import type { AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db, Tx } from '@campus/platform/db/database.ts';
import type { Logger } from 'pino';
import type { SisClient } from '../sis-client.ts';
import {
  emptyChanges,
  planCourses,
  planPairs,
  planTerms,
  planUsers,
  type SyncChanges,
  totalChanges,
} from '../sis-sync.plan.ts';
import { type Pair, sisSyncRepository as repo, type SyncRunRow } from '../sis-sync.repository.ts';

const BATCH = 500;
/** A run still 'running' after this long was left by a process that died. */
const STALE_MS = 60 * 60 * 1000;

export interface SyncFromSisOptions {
  db: Db;
  sis: SisClient;
  clock: Clock;
  logger: Logger;
  audit?: AuditLog;
  /** Who asked (an admin's school number), or null for the schedule. */
  actorId?: string | null;
}

export type SyncResult = { status: 'skipped'; run: null } | { status: 'ok' | 'failed'; run: SyncRunRow };

async function inBatches<T>(db: Db, items: T[], write: (tx: Tx, batch: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    await db.transaction((tx) => write(tx, batch));
  }
}

export async function syncFromSis(opts: SyncFromSisOptions): Promise<SyncResult> {
  const { db, sis, clock, logger } = opts;
  const started = clock.now();
  const run = await db.transaction(async (tx) => {
    await repo.lock(tx);
    await repo.abandonStale(tx, new Date(started.getTime() - STALE_MS), started);
    return (await repo.running(tx)) ? null : repo.startRun(tx, started);
  });
  if (!run) {
    logger.info({ event: 'sis.sync_skipped' }, 'SIS sync skipped: another run is in progress');
    return { status: 'skipped', run: null };
  }

  const changes = emptyChanges();
  let error: string | null = null;
  try {
    const terms = await sis.listTerms();
    const classes = await sis.listClasses();
    const people = await sis.listUsers();
    const roster = await sis.listEnrollments();
    changes.skipped.invalid = terms.skipped + classes.skipped + people.skipped + roster.skipped;
    const now = clock.now();

    const termPlan = planTerms(terms.items, await repo.sisTerms(db), now);
    await inBatches(db, termPlan.inserts, async (tx, rows) => {
      changes.terms.created += (await repo.insertTerms(tx, rows)).length;
    });
    await inBatches(db, termPlan.updates, async (tx, updates) => {
      for (const u of updates) await repo.updateTerm(tx, u.id, u.set);
      changes.terms.updated += updates.length;
    });

    const termIds = new Map((await repo.sisTerms(db)).map((t) => [t.sisId as string, t.id]));
    const coursePlan = planCourses(classes.items, await repo.sisCourses(db), termIds, now);
    changes.skipped.unresolved += coursePlan.unresolved;
    await inBatches(db, coursePlan.inserts, async (tx, rows) => {
      changes.courses.created += (await repo.insertCourses(tx, rows)).length;
    });
    await inBatches(db, coursePlan.updates, async (tx, updates) => {
      for (const u of updates) await repo.updateCourse(tx, u.id, u.set);
      changes.courses.updated += updates.length;
    });

    const userPlan = planUsers(people.items, await repo.allUsers(db), now);
    changes.skipped.conflicts += userPlan.conflicts;
    await inBatches(db, userPlan.inserts, async (tx, rows) => {
      changes.users.created += (await repo.insertUsers(tx, rows)).length;
    });
    await inBatches(db, userPlan.updates, async (tx, updates) => {
      for (const u of updates) changes.users.updated += (await repo.updateUser(tx, u.id, u.set)).length;
    });

    const courseIds = new Map((await repo.sisCourses(db)).map((c) => [c.sisId as string, c.id]));
    const userIds = new Map(
      (await repo.allUsers(db))
        .filter((u) => u.sisId && !u.passwordHash)
        .map((u) => [u.sisId as string, u.id]),
    );
    const wanted: Record<'student' | 'teacher', Pair[]> = { student: [], teacher: [] };
    for (const e of roster.items) {
      const courseId = courseIds.get(e.classSisId);
      const userId = userIds.get(e.userSisId);
      if (courseId && userId) wanted[e.role].push({ courseId, userId });
      else changes.skipped.unresolved++;
    }

    const existingEnrollments = await repo.enrollmentsOfSisCourses(db);
    const students = planPairs(
      wanted.student,
      existingEnrollments.map((e) => ({
        courseId: e.courseId,
        userId: e.userId,
        removable: e.source === 'sis',
      })),
    );
    await inBatches(db, students.add, async (tx, pairs) => {
      changes.enrollments.created += (await repo.insertEnrollments(tx, pairs)).length;
    });
    await inBatches(db, students.remove, async (tx, pairs) => {
      changes.enrollments.removed += (await repo.deleteSisEnrollments(tx, pairs)).length;
    });

    const existingTeachers = await repo.teachersOfSisCourses(db);
    const teachers = planPairs(
      wanted.teacher,
      existingTeachers.map((t) => ({ courseId: t.courseId, userId: t.userId, removable: t.fromSis })),
    );
    await inBatches(db, teachers.add, async (tx, pairs) => {
      changes.teachers.created += (await repo.insertTeachers(tx, pairs)).length;
    });
    await inBatches(db, teachers.remove, async (tx, pairs) => {
      changes.teachers.removed += (await repo.deleteTeachers(tx, pairs)).length;
    });
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    logger.warn({ event: 'sis.sync_failed', runId: run.id, err }, 'SIS sync failed');
  }

  const status = error ? 'failed' : 'ok';
  const finished = await db.transaction(async (tx) => {
    const row = await repo.finishRun(tx, run.id, {
      status,
      finishedAt: clock.now(),
      changes: changes as unknown as Record<string, unknown>,
      error,
    });
    await opts.audit?.record(tx, {
      action: 'sis.sync',
      entity: 'sis_sync_run',
      entityId: run.id,
      actorId: opts.actorId ?? null,
      changes: { status, total: totalChanges(changes) },
    });
    return row ?? run;
  });
  logger.info(
    { event: 'sis.sync_finished', runId: run.id, status, total: totalChanges(changes), changes },
    'SIS sync finished',
  );
  return { status, run: finished };
}

export type { SyncChanges };
