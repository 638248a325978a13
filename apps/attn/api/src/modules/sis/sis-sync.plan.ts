// What a sync must change, worked out without touching the database: the SIS's records against
// the rows ATTN holds. Pure functions, so the rules (what counts as a change, whose rows may be
// taken or removed) are read and tested in one place.
import type { SisClass, SisPerson, SisTerm } from './oneroster.ts';
import type { CourseRow, Pair, TermRow, UserRow } from './sis-sync.repository.ts';

export interface Counts {
  created: number;
  updated: number;
  removed: number;
}

export interface SyncChanges {
  terms: Counts;
  courses: Counts;
  users: Counts;
  teachers: Counts;
  enrollments: Counts;
  /** Not changes: SIS records ATTN could not use, and why. */
  skipped: { invalid: number; unresolved: number; conflicts: number };
}

export const emptyChanges = (): SyncChanges => ({
  terms: { created: 0, updated: 0, removed: 0 },
  courses: { created: 0, updated: 0, removed: 0 },
  users: { created: 0, updated: 0, removed: 0 },
  teachers: { created: 0, updated: 0, removed: 0 },
  enrollments: { created: 0, updated: 0, removed: 0 },
  skipped: { invalid: 0, unresolved: 0, conflicts: 0 },
});

export const totalChanges = (c: SyncChanges) =>
  [c.terms, c.courses, c.users, c.teachers, c.enrollments].reduce(
    (sum, k) => sum + k.created + k.updated + k.removed,
    0,
  );

export interface Plan<I> {
  inserts: I[];
  updates: { id: string; set: Partial<I> }[];
}

export function planTerms(sis: SisTerm[], existing: TermRow[], now: Date) {
  const bySis = new Map(existing.map((t) => [t.sisId, t]));
  const plan: Plan<{ sisId: string; title: string; startsOn: string; endsOn: string; updatedAt: Date }> = {
    inserts: [],
    updates: [],
  };
  for (const t of sis) {
    const row = bySis.get(t.sisId);
    const fields = { sisId: t.sisId, title: t.title, startsOn: t.startsOn, endsOn: t.endsOn };
    if (!row) plan.inserts.push({ ...fields, updatedAt: now });
    else if (row.title !== t.title || row.startsOn !== t.startsOn || row.endsOn !== t.endsOn)
      plan.updates.push({ id: row.id, set: { ...fields, updatedAt: now } });
  }
  return plan;
}

/** Classes whose term ATTN does not have (not a term, or skipped) are unresolved. */
export function planCourses(
  sis: SisClass[],
  existing: CourseRow[],
  termIdBySis: Map<string, string>,
  now: Date,
) {
  const bySis = new Map(existing.map((c) => [c.sisId, c]));
  const plan: Plan<{ sisId: string; termId: string; code: string; title: string; updatedAt: Date }> & {
    unresolved: number;
  } = { inserts: [], updates: [], unresolved: 0 };
  for (const c of sis) {
    const termId = termIdBySis.get(c.termSisId);
    if (!termId) {
      plan.unresolved++;
      continue;
    }
    const row = bySis.get(c.sisId);
    const fields = { sisId: c.sisId, termId, code: c.code, title: c.title };
    if (!row) plan.inserts.push({ ...fields, updatedAt: now });
    else if (row.termId !== termId || row.code !== c.code || row.title !== c.title)
      plan.updates.push({ id: row.id, set: { ...fields, updatedAt: now } });
  }
  return plan;
}

type UserFields = {
  sisId: string;
  schoolNumber: string;
  fullName: string;
  email: string | null;
  role: SisPerson['role'];
  updatedAt: Date;
};

/**
 * SIS people by sis_id. A school number held by a local account (one with a password, or another
 * SIS id) is a conflict and left alone; a row with neither (made by a CSV import) is adopted.
 */
export function planUsers(sis: SisPerson[], existing: UserRow[], now: Date) {
  const bySis = new Map(existing.filter((u) => u.sisId).map((u) => [u.sisId, u]));
  const byNumber = new Map(existing.map((u) => [u.schoolNumber, u]));
  const plan: Plan<UserFields> & { conflicts: number } = { inserts: [], updates: [], conflicts: 0 };
  const claimed = new Set<string>();
  for (const p of sis) {
    const fields = {
      sisId: p.sisId,
      schoolNumber: p.schoolNumber,
      fullName: p.fullName,
      email: p.email,
      role: p.role,
    };
    const row = bySis.get(p.sisId);
    const holder = byNumber.get(p.schoolNumber);
    if (
      claimed.has(p.schoolNumber) ||
      (holder && holder.id !== row?.id && (row || holder.sisId || holder.passwordHash))
    ) {
      plan.conflicts++;
      continue;
    }
    claimed.add(p.schoolNumber);
    const target = row ?? holder;
    if (!target) plan.inserts.push({ ...fields, updatedAt: now });
    else if (target.passwordHash) plan.conflicts++;
    else if (
      target.sisId !== p.sisId ||
      target.schoolNumber !== p.schoolNumber ||
      target.fullName !== p.fullName ||
      target.email !== p.email ||
      target.role !== p.role
    )
      plan.updates.push({ id: target.id, set: { ...fields, updatedAt: now } });
  }
  return plan;
}

const key = (p: Pair) => `${p.courseId}:${p.userId}`;

/** Pairs to add (absent in any form) and to remove (present, the sync's own, no longer wanted). */
export function planPairs(desired: Pair[], existing: (Pair & { removable: boolean })[]) {
  const want = new Map(desired.map((p) => [key(p), p]));
  const have = new Set(existing.map(key));
  return {
    add: [...want.values()].filter((p) => !have.has(key(p))),
    remove: existing
      .filter((p) => p.removable && !want.has(key(p)))
      .map(({ courseId, userId }) => ({ courseId, userId })),
  };
}
