// A student's distance to a course's absence limit (pure, unit-tested beside this file).
// The limit is a percentage of the course's sessions: of those it plans this term when its
// teacher set that number, else of those held so far. An excused absence is no absence.

export type LimitStatus = 'ok' | 'near' | 'over';

export interface Standing {
  /** Absences the limit allows (whole sessions, rounded down). */
  allowed_absences: number;
  /** allowed − absent: sessions the student may still miss; negative once over. */
  absences_left: number;
  limit_status: LimitStatus;
}

export function absenceStanding(input: {
  held: number;
  absent: number;
  percent: number;
  plannedSessions: number | null;
}): Standing {
  const base = Math.max(input.plannedSessions ?? input.held, input.held);
  const allowed = Math.floor((input.percent * base) / 100 + 1e-9);
  const left = allowed - input.absent;
  let status: LimitStatus = 'ok';
  if (input.absent > allowed) status = 'over';
  // Near: they have missed some, and one more absence reaches or passes the limit.
  else if (input.absent > 0 && left <= 1) status = 'near';
  return { allowed_absences: allowed, absences_left: left, limit_status: status };
}

const rank: Record<LimitStatus, number> = { over: 0, near: 1, ok: 2 };

/** Over the limit first, then near it (fewest absences left first), then the rest as given. */
export function byLimit<T extends Standing>(a: T, b: T): number {
  return (
    rank[a.limit_status] - rank[b.limit_status] ||
    (a.limit_status === 'ok' ? 0 : a.absences_left - b.absences_left)
  );
}
