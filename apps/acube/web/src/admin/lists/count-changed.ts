// A bulk operation by filter is refused with 409 COUNT_CHANGED when the filter now matches
// another number of records than the admin confirmed; the answer carries the new number in the
// `expected_count` detail, and the panel asks again with it.
import { ApiError } from '@campus/web/api/client.ts';

/** The new count a 409 COUNT_CHANGED carries, else null (any other failure). */
export function changedCount(err: unknown): number | null {
  if (!(err instanceof ApiError) || err.code !== 'COUNT_CHANGED') return null;
  const detail = err.details.find((d) => d.field === 'expected_count') ?? err.details[0];
  const n = Number(detail?.message);
  return detail && /^\d+$/.test(detail.message.trim()) && Number.isSafeInteger(n) ? n : null;
}
