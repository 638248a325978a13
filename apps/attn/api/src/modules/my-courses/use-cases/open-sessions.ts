// Which session is open in each course, as the course pages show it. Opening locks the course,
// so there is one at most; should two ever show up, the newest (first in the list) is taken.

export interface OpenSession {
  id: string;
  courseId: string;
  endsAt: Date;
  selfieRequired: boolean;
}

/** Each course's open session by course id; `sessions` newest first. */
export function openSessionByCourse<T extends OpenSession>(sessions: readonly T[]): Map<string, T> {
  const byCourse = new Map<string, T>();
  for (const s of sessions) if (!byCourse.has(s.courseId)) byCourse.set(s.courseId, s);
  return byCourse;
}

export const teacherOpenSession = (s: OpenSession | undefined) =>
  s ? { id: s.id, ends_at: s.endsAt.toISOString() } : null;

export const studentOpenSession = (s: OpenSession | undefined, checkedIn: ReadonlySet<string>) =>
  s
    ? {
        id: s.id,
        ends_at: s.endsAt.toISOString(),
        selfie_required: s.selfieRequired,
        checked_in: checkedIn.has(s.id),
      }
    : null;
