// What a roster file would change, worked out against the database: which terms, courses and
// people exist (matched by term title, course code within its term, school number), what is new,
// what differs, and the lines that cannot be applied. Rows the SIS owns (sis_id set) are never
// changed by a file; a file only adds people to their courses.
import type { Db, Tx } from '@campus/platform/db';
import type { LineError, RosterLine } from '../roster-csv.ts';
import { rosterImportRepository as repo } from '../roster-import.repository.ts';

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface RosterPlan {
  errors: LineError[];
  terms: { create: RosterLine[]; update: { id: string; line: RosterLine }[]; ids: Map<string, string> };
  courses: { create: RosterLine[]; update: { id: string; title: string }[]; ids: Map<string, string> };
  users: { create: RosterLine[]; update: { id: string; line: RosterLine }[]; ids: Map<string, string> };
  /** One per line: the person's place in the course, and whether it is already there. */
  places: { line: RosterLine; exists: boolean }[];
  summary: Record<'terms' | 'courses' | 'users' | 'enrollments' | 'teachers', Counts>;
}

export const courseKey = (term: string, code: string) => JSON.stringify([term, code]);
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
const firstBy = <T>(rows: T[], key: (r: T) => string) => {
  const out = new Map<string, T>();
  for (const r of rows) if (!out.has(key(r))) out.set(key(r), r);
  return out;
};

export async function planRosterImport(q: Db | Tx, lines: RosterLine[]): Promise<RosterPlan> {
  const plan: RosterPlan = {
    errors: [],
    terms: { create: [], update: [], ids: new Map() },
    courses: { create: [], update: [], ids: new Map() },
    users: { create: [], update: [], ids: new Map() },
    places: [],
    summary: { terms: zero(), courses: zero(), users: zero(), enrollments: zero(), teachers: zero() },
  };
  const firstOf = <K>(key: (l: RosterLine) => K) => firstBy(lines, (l) => JSON.stringify(key(l)));

  const existingTerms = firstBy(
    await repo.termsByTitle(q, [...new Set(lines.map((l) => l.term))]),
    (t) => t.title,
  );
  for (const l of firstOf((l) => l.term).values()) {
    const t = existingTerms.get(l.term);
    if (!t) {
      plan.terms.create.push(l);
      continue;
    }
    plan.terms.ids.set(l.term, t.id);
    const same = t.startsOn === l.termStartsOn && t.endsOn === l.termEndsOn;
    if (!same && !t.sisId) plan.terms.update.push({ id: t.id, line: l });
    plan.summary.terms[!same && !t.sisId ? 'updated' : 'unchanged']++;
  }
  plan.summary.terms.created = plan.terms.create.length;

  const existingCourses = firstBy(await repo.coursesOfTerms(q, [...plan.terms.ids.values()]), (c) =>
    JSON.stringify([c.termId, c.code]),
  );
  for (const l of firstOf((l) => [l.term, l.courseCode]).values()) {
    const termId = plan.terms.ids.get(l.term);
    const c = termId ? existingCourses.get(JSON.stringify([termId, l.courseCode])) : undefined;
    if (!c) {
      plan.courses.create.push(l);
      continue;
    }
    plan.courses.ids.set(courseKey(l.term, l.courseCode), c.id);
    const update = c.title !== l.courseTitle && !c.sisId;
    if (update) plan.courses.update.push({ id: c.id, title: l.courseTitle });
    plan.summary.courses[update ? 'updated' : 'unchanged']++;
  }
  plan.summary.courses.created = plan.courses.create.length;

  const existingUsers = firstBy(
    await repo.usersByNumber(q, [...new Set(lines.map((l) => l.schoolNumber))]),
    (u) => u.schoolNumber,
  );
  const refused = new Set<string>();
  for (const l of firstOf((l) => l.schoolNumber).values()) {
    const u = existingUsers.get(l.schoolNumber);
    if (!u) {
      plan.users.create.push(l);
      continue;
    }
    if (u.role !== l.role) {
      refused.add(l.schoolNumber);
      plan.errors.push({ line: l.line, field: 'role', message: `this school number belongs to a ${u.role}` });
      continue;
    }
    plan.users.ids.set(l.schoolNumber, u.id);
    const update = !u.sisId && (u.fullName !== l.fullName || (u.email ?? null) !== l.email);
    if (update) plan.users.update.push({ id: u.id, line: l });
    plan.summary.users[update ? 'updated' : 'unchanged']++;
  }
  plan.summary.users.created = plan.users.create.length;

  const courseIds = [...plan.courses.ids.values()];
  const linked = new Set<string>();
  for (const e of await repo.enrollmentsOf(q, courseIds)) linked.add(`s:${e.courseId}:${e.userId}`);
  for (const e of await repo.teachersOf(q, courseIds)) linked.add(`t:${e.courseId}:${e.userId}`);
  for (const l of lines) {
    if (refused.has(l.schoolNumber)) continue;
    const courseId = plan.courses.ids.get(courseKey(l.term, l.courseCode));
    const userId = plan.users.ids.get(l.schoolNumber);
    const exists = Boolean(courseId && userId && linked.has(`${l.role[0]}:${courseId}:${userId}`));
    plan.places.push({ line: l, exists });
    plan.summary[l.role === 'student' ? 'enrollments' : 'teachers'][exists ? 'unchanged' : 'created']++;
  }
  return plan;
}
