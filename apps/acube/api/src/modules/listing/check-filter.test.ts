import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '@campus/platform/errors';
import { Type } from 'typebox';
import { checkFilter } from './check-filter.ts';
import { listFilter } from './list-query.ts';

const Filter = listFilter(['new', 'read'], { event_id: Type.Optional(Type.String({ format: 'uuid' })) });

test('a filter the list takes passes as it is', () => {
  const f = { q: 'ann', status: 'new', created_from: '2026-11-01' };
  assert.deepEqual(checkFilter(Filter, f), f);
  assert.deepEqual(checkFilter(Filter, {}), {});
});

test("a status the list has not, a bad day or a field it does not know is a 400 naming the filter's field", () => {
  for (const [bad, field] of [
    [{ status: 'lost' }, 'body.filter.status'],
    [{ created_to: '1 Nov' }, 'body.filter.created_to'],
    [{ session_type: 'couple' }, 'body.filter'],
  ] as const) {
    assert.throws(
      () => checkFilter(Filter, bad),
      (err: unknown) =>
        err instanceof AppError &&
        err.code === 'VALIDATION_FAILED' &&
        (err.details ?? []).some((d) => d.field === field),
      JSON.stringify(bad),
    );
  }
});
