// When face data of a student falls due for deletion: never while they are on an active roster;
// otherwise `days` days after the latest of their last term's end, their last check-in and
// their last enrolment. The last two cover a student taken off every roster (the enrolment
// rows are gone, so no term end is known): the clock starts at their last use of the face
// check, never earlier.
const DAY_MS = 86_400_000;

export interface RetentionFacts {
  onActiveRoster: boolean;
  /** YYYY-MM-DD; the term's last day, so the period starts the day after. */
  lastTermEnd: string | null;
  lastCheckinAt: Date | null;
  lastEnrolledAt: Date | null;
}

/** The first instant the data may be deleted; null while the student is on an active roster. */
export function retentionDueAt(facts: RetentionFacts, days: number): Date | null {
  if (facts.onActiveRoster) return null;
  const ends = [
    facts.lastTermEnd ? Date.parse(`${facts.lastTermEnd}T00:00:00Z`) + DAY_MS : null,
    facts.lastCheckinAt?.getTime() ?? null,
    facts.lastEnrolledAt?.getTime() ?? null,
  ].filter((t): t is number => t !== null && Number.isFinite(t));
  const last = ends.length > 0 ? Math.max(...ends) : 0;
  return new Date(last + days * DAY_MS);
}

export const isRetentionDue = (facts: RetentionFacts, days: number, now: Date): boolean => {
  const due = retentionDueAt(facts, days);
  return due !== null && due.getTime() <= now.getTime();
};

/** Today's date in UTC (YYYY-MM-DD), as terms are compared elsewhere (the archive schedule). */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);
