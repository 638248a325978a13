// The rules of a bulk operation, without a database: how many ids run in the request, the
// status check, the chunks, how a chunk's answer and a failed chunk count in the outcome, the
// report's lines, and who may read an operation.
import { csvLine } from '@campus/platform/csv';
import { AppError } from '@campus/platform/errors';
import type { BulkOutcome } from '../bulk.repository.ts';

/** Ids done in one transaction: all of a request up to this many, else one chunk of the job. */
export const CHUNK = 100;

/** Up to CHUNK ids run in the request; more become a background job. */
export const runsInRequest = (ids: readonly unknown[]) => ids.length <= CHUNK;

/** A status the kind of record takes, or a 400 that names the ones it does. */
export function checkBulkStatus(allowed: readonly string[], status: string): void {
  if (!allowed.includes(status)) {
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [{ field: 'body.status', message: `must be one of: ${allowed.join(', ')}` }],
    });
  }
}

/** Which records an operation names: its ids, or a filter with the count the admin confirmed. */
export function selectionOf(which: {
  ids?: readonly string[] | undefined;
  filter?: object | undefined;
  expected_count?: number | undefined;
}): 'ids' | 'filter' {
  const invalid = (field: string, message: string) =>
    new AppError('VALIDATION_FAILED', 'The request is invalid', { details: [{ field, message }] });
  if (which.ids && which.filter) throw invalid('body', 'send either ids or filter, not both');
  if (which.ids) {
    if (which.expected_count !== undefined) throw invalid('body.expected_count', 'goes with filter only');
    return 'ids';
  }
  if (!which.filter) throw invalid('body', 'send ids, or filter with expected_count');
  if (which.expected_count === undefined) {
    throw invalid('body.expected_count', 'required with filter: the count the admin confirmed');
  }
  return 'filter';
}

/** The filter now matches another number than the admin confirmed: a 409 that says the new one. */
export function checkCount(expected: number, actual: number): void {
  if (expected !== actual) {
    throw new AppError(
      'COUNT_CHANGED',
      `The filter now matches ${actual} records, not ${expected}: confirm the new count`,
      { details: [{ field: 'expected_count', message: String(actual) }] },
    );
  }
}

/** A filter as the audit log keeps it: no text a person typed (it may be a name), only that there was one. */
export function auditableFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const { q, ...rest } = filter;
  return q === undefined ? rest : { ...rest, text_search: true };
}

/** The ids in chunks of CHUNK, in order. */
export function chunksOf(ids: readonly string[], size = CHUNK): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += size) chunks.push(ids.slice(start, start + size));
  return chunks;
}

/** Of the ids asked for, those not changed: they were not found. */
export function notFoundOf(asked: readonly string[], changed: readonly string[]): string[] {
  const done = new Set(changed);
  return asked.filter((id) => !done.has(id));
}

export function emptyOutcome(): BulkOutcome {
  return { done: [], missing: [], failed: [], not_attempted: [] };
}

/** A chunk that committed: what it changed is done, the rest of it not found. */
export function countChunk(outcome: BulkOutcome, chunk: readonly string[], changed: readonly string[]): void {
  outcome.done.push(...changed);
  outcome.missing.push(...notFoundOf(chunk, changed));
}

/** Chunk `index` (from 0) failed and changed nothing: it is failed, every later id not attempted. */
export function countFailedChunk(
  outcome: BulkOutcome,
  ids: readonly string[],
  index: number,
  size = CHUNK,
): void {
  outcome.failed = ids.slice(index * size, (index + 1) * size);
  outcome.not_attempted = ids.slice((index + 1) * size);
  outcome.error = `chunk ${index + 1} of ${Math.ceil(ids.length / size)} failed and changed nothing`;
}

/** The report: a header, then a line an id with its outcome, outcome by outcome. */
export function* reportLines(outcome: BulkOutcome): Generator<string> {
  yield csvLine(['id', 'outcome']);
  for (const [label, ids] of [
    ['done', outcome.done],
    ['not found', outcome.missing],
    ['failed', outcome.failed],
    ['not attempted', outcome.not_attempted],
  ] as const) {
    for (const id of ids) yield csvLine([id, label]);
  }
}

/** Its author and superadmins may read a background operation; to anyone else it does not exist. */
export function maySee(
  op: { adminId: string },
  viewer: { id: string; roles: readonly string[] } | null,
): boolean {
  return viewer !== null && (op.adminId === viewer.id || viewer.roles.includes('superadmin'));
}
