// An admin's roster import: a dry run answers what the file would change and every problem
// per line, changing nothing; a real run applies all of it in one transaction, or, if any line
// has a problem, nothing at all (422 with the same per-line errors). People created by a file
// are accounts without a password: they log in through the SIS where one is configured, and
// otherwise cannot log in until an admin gives them a password. No password ever travels in a
// roster file.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Db, Tx } from '@campus/platform/db';
import { AppError, fromDatabaseError } from '@campus/platform/errors';
import { type LineError, parseRosterCsv } from '../roster-csv.ts';
import { rosterImportRepository as repo } from '../roster-import.repository.ts';
import { courseKey, planRosterImport, type RosterPlan } from './plan-roster-import.ts';

/** At most this many errors are listed; `error_count` tells how many there were. */
const MAX_LISTED_ERRORS = 1000;

export interface ImportResult {
  dry_run: boolean;
  applied: boolean;
  lines: number;
  error_count: number;
  errors: LineError[];
  summary: RosterPlan['summary'];
}

export async function importRoster(opts: {
  db: Db;
  audit: AuditLog;
  csv: string;
  dryRun: boolean;
  actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
}): Promise<ImportResult> {
  const parsed = parseRosterCsv(opts.csv);
  const lineCount = parsed.lines.length + new Set(parsed.errors.map((e) => e.line)).size;
  const result = (plan: RosterPlan, applied: boolean): ImportResult => {
    const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.line - b.line);
    return {
      dry_run: opts.dryRun,
      applied,
      lines: lineCount,
      error_count: errors.length,
      errors: errors.slice(0, MAX_LISTED_ERRORS),
      summary: plan.summary,
    };
  };
  if (opts.dryRun) return result(await planRosterImport(opts.db, parsed.lines), false);

  return opts.db
    .transaction(async (tx) => {
      await repo.lock(tx);
      const plan = await planRosterImport(tx, parsed.lines);
      const answer = result(plan, true);
      if (answer.error_count > 0) {
        throw new AppError(
          'UNPROCESSABLE',
          `The file has ${answer.error_count} problem(s): nothing was imported`,
          {
            details: answer.errors,
          },
        );
      }
      await apply(tx, plan);
      await opts.audit.record(tx, {
        ...opts.actor,
        action: 'roster.imported',
        entity: 'roster',
        changes: { lines: answer.lines, ...plan.summary },
      });
      return answer;
    })
    .catch((err: unknown) => {
      // A login or the SIS sync created one of these people in the meantime.
      throw fromDatabaseError(err, { unique: 'Someone in the file was created meanwhile: run it again' });
    });
}

async function apply(tx: Tx, plan: RosterPlan): Promise<void> {
  const createdTerms = await repo.insertTerms(
    tx,
    plan.terms.create.map((l) => ({ title: l.term, startsOn: l.termStartsOn, endsOn: l.termEndsOn })),
  );
  for (const t of createdTerms) plan.terms.ids.set(t.title, t.id);
  for (const u of plan.terms.update)
    await repo.updateTerm(tx, u.id, { startsOn: u.line.termStartsOn, endsOn: u.line.termEndsOn });

  const termOf = new Map([...plan.terms.ids].map(([title, id]) => [id, title]));
  const createdCourses = await repo.insertCourses(
    tx,
    plan.courses.create.map((l) => ({
      termId: plan.terms.ids.get(l.term) as string,
      code: l.courseCode,
      title: l.courseTitle,
    })),
  );
  for (const c of createdCourses) plan.courses.ids.set(courseKey(termOf.get(c.termId) ?? '', c.code), c.id);
  for (const u of plan.courses.update) await repo.updateCourse(tx, u.id, u.title);

  const createdUsers = await repo.insertUsers(
    tx,
    plan.users.create.map((l) => ({
      schoolNumber: l.schoolNumber,
      fullName: l.fullName,
      email: l.email,
      role: l.role,
      passwordHash: null,
    })),
  );
  for (const u of createdUsers) plan.users.ids.set(u.schoolNumber, u.id);
  for (const u of plan.users.update)
    await repo.updateUser(tx, u.id, { fullName: u.line.fullName, email: u.line.email });

  const link = (role: 'student' | 'teacher') =>
    plan.places
      .filter((p) => !p.exists && p.line.role === role)
      .map((p) => ({
        courseId: plan.courses.ids.get(courseKey(p.line.term, p.line.courseCode)) as string,
        userId: plan.users.ids.get(p.line.schoolNumber) as string,
      }));
  await repo.insertEnrollments(
    tx,
    link('student').map((p) => ({ courseId: p.courseId, studentId: p.userId })),
  );
  await repo.insertTeachers(
    tx,
    link('teacher').map((p) => ({ courseId: p.courseId, teacherId: p.userId })),
  );
}
