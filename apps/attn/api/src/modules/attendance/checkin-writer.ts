// Check-ins written by group commit (see group-commit.ts): one statement per batch, then one
// classifying query for the rows that did not come back. A student twice in one batch (a
// double tap, or 20 tabs at once) goes into the statement once; the copies get the answer of
// the first, or "already checked in" when the first was accepted.

import { GroupCommit } from '@campus/platform/db';
import type { CheckinDraft, CheckinsRepository, InsertedCheckin } from './checkins.repository.ts';

export type CheckinOutcome =
  | { kind: 'accepted'; row: InsertedCheckin }
  | { kind: 'already_checked_in' | 'not_enrolled' | 'closed' };

const keyOf = (sessionId: string, studentId: string) => `${sessionId}/${studentId}`;

export function createCheckinWriter(
  repo: CheckinsRepository,
  opts: { maxBatch?: number; maxInFlight?: number } = {},
) {
  async function write(drafts: CheckinDraft[]): Promise<CheckinOutcome[]> {
    const first = new Map<string, number>();
    const unique: CheckinDraft[] = [];
    drafts.forEach((d, i) => {
      const key = keyOf(d.sessionId, d.studentId);
      if (first.has(key)) return;
      first.set(key, i);
      unique.push(d);
    });

    const inserted = new Map<string, InsertedCheckin>();
    const devices = new Set<string>();
    for (const row of await repo.insertBatch(unique)) {
      // Two students on one device in the same batch: the later one is flagged too.
      const device = row.device_id === null ? null : `${row.session_id}/${row.device_id}`;
      if (device && devices.has(device)) row.device_flagged = true;
      if (device) devices.add(device);
      inserted.set(keyOf(row.session_id, row.student_id), row);
    }

    const missing = unique.filter((d) => !inserted.has(keyOf(d.sessionId, d.studentId)));
    const refused = new Map<string, CheckinOutcome['kind']>();
    if (missing.length > 0)
      for (const r of await repo.classify(missing))
        refused.set(
          keyOf(r.session_id, r.student_id),
          r.checked_in ? 'already_checked_in' : r.enrolled ? 'closed' : 'not_enrolled',
        );

    return drafts.map((d, i): CheckinOutcome => {
      const key = keyOf(d.sessionId, d.studentId);
      const row = inserted.get(key);
      if (row) return first.get(key) === i ? { kind: 'accepted', row } : { kind: 'already_checked_in' };
      const kind = refused.get(key) ?? 'closed';
      return kind === 'accepted' ? { kind: 'closed' } : ({ kind } as CheckinOutcome);
    });
  }

  const batcher = new GroupCommit<CheckinDraft, CheckinOutcome>({ write, ...opts });
  return { submit: (draft: CheckinDraft) => batcher.submit(draft), stats: batcher.stats };
}

export type CheckinWriter = ReturnType<typeof createCheckinWriter>;
