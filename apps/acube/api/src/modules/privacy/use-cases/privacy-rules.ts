// The rules of a person's data request apart from the database: the counts an erasure confirms,
// and where the retention period's cut-off stands.
import { AppError } from '@campus/platform/errors';
import { RECORD_KINDS, type RecordKind } from '../privacy.schemas.ts';

const DAY_MS = 86_400_000;

export type RecordCounts = Record<RecordKind, number>;

export function totalOf(counts: Partial<Record<string, number>>): number {
  return Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/**
 * The records changed since the admin saw their counts (a form submitted anew, a booking made
 * meanwhile): a 409 that names the kinds whose count moved, with the count now, to confirm again.
 */
export function checkConfirmed(expected: RecordCounts, actual: RecordCounts): void {
  const moved = RECORD_KINDS.filter((kind) => expected[kind] !== actual[kind]);
  if (moved.length === 0) return;
  throw new AppError(
    'COUNT_CHANGED',
    `The person's records changed since they were counted (${moved.join(', ')}): confirm the new counts`,
    { details: moved.map((kind) => ({ field: `expected.${kind}`, message: String(actual[kind]) })) },
  );
}

/** Closed records last changed before this instant are erased; none when the period is 0 (keep). */
export function retentionCutoff(now: Date, retentionDays: number): Date | null {
  if (!Number.isInteger(retentionDays) || retentionDays <= 0) return null;
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
