// Brings terms, courses, people and rosters in line with the SIS, and records the run. It reads
// everything before it writes anything, so a SIS that fails halfway changes nothing; then writes
// in short transactions of a batch each. Terms, courses and people are created or refreshed,
// never deleted (attendance history points at them); roster and teacher rows the SIS put there
// and no longer lists are removed; rows from a CSV import and local accounts are never touched.
// Running it again with nothing changed in the SIS changes nothing.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Logger } from 'pino';
import type { SisClient } from '../sis-client.ts';
import { writePairs, writePlan } from '../sis-sync.batches.ts';
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
import { shrinkRefusal } from './shrink-guard.ts';

export { SHRINK_GUARD_MIN, SHRINK_GUARD_RATIO } from './shrink-guard.ts';

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
  /** Lets a run remove more than half of the SIS's enrollments (an admin confirmed it). */
  allowShrink?: boolean;
}

export type SyncResult = { status: 'skipped'; run: null } | { status: 'ok' | 'failed'; run: SyncRunRow };

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
    // A roster far smaller than before is refused before anything is written (./shrink-guard.ts).
    const refusal = shrinkRefusal({
      before: (await repo.enrollmentsOfSisCourses(db)).filter((e) => e.source === 'sis').length,
      listed: roster.items.filter((e) => e.role === 'student').length,
      allowShrink: opts.allowShrink === true,
    });
    if (refusal) throw new Error(refusal);
    const now = clock.now();

    const termPlan = planTerms(terms.items, await repo.sisTerms(db), now);
    await writePlan(db, termPlan, repo.insertTerms, repo.updateTerm, changes.terms);

    const termIds = new Map((await repo.sisTerms(db)).map((t) => [t.sisId as string, t.id]));
    const coursePlan = planCourses(classes.items, await repo.sisCourses(db), termIds, now);
    changes.skipped.unresolved += coursePlan.unresolved;
    await writePlan(db, coursePlan, repo.insertCourses, repo.updateCourse, changes.courses);

    const userPlan = planUsers(people.items, await repo.allUsers(db), now);
    changes.skipped.conflicts += userPlan.conflicts;
    await writePlan(db, userPlan, repo.insertUsers, repo.updateUser, changes.users);

    const courseIds = new Map((await repo.sisCourses(db)).map((c) => [c.sisId as string, c.id]));
    const sisUsers = (await repo.allUsers(db)).filter((u) => u.sisId && !u.passwordHash);
    const userIds = new Map(sisUsers.map((u) => [u.sisId as string, u.id]));
    const wanted: Record<'student' | 'teacher', Pair[]> = { student: [], teacher: [] };
    for (const e of roster.items) {
      const courseId = courseIds.get(e.classSisId);
      const userId = userIds.get(e.userSisId);
      if (courseId && userId) wanted[e.role].push({ courseId, userId });
      else changes.skipped.unresolved++;
    }

    const enrolled = (await repo.enrollmentsOfSisCourses(db)).map((e) => ({
      ...e,
      removable: e.source === 'sis',
    }));
    const students = planPairs(wanted.student, enrolled);
    await writePairs(db, students, repo.insertEnrollments, repo.deleteSisEnrollments, changes.enrollments);
    const teaching = (await repo.teachersOfSisCourses(db)).map((t) => ({ ...t, removable: t.fromSis }));
    const teachers = planPairs(wanted.teacher, teaching);
    await writePairs(db, teachers, repo.insertTeachers, repo.deleteTeachers, changes.teachers);
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
