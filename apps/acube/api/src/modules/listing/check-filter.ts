// A list's filter sent inside another body (a bulk operation's `filter`), checked against that
// list's own filter schema: the same 400 as a bad list query, its fields named under `at`.
import { AppError } from '@campus/platform/errors';
import type { Static, TSchema } from 'typebox';
import Value from 'typebox/value';

export function checkFilter<T extends TSchema>(schema: T, value: unknown, at = 'body.filter'): Static<T> {
  if (Value.Check(schema, value)) return value as Static<T>;
  throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
    details: [...Value.Errors(schema, value)].slice(0, 10).map((e) => ({
      field: `${at}${e.instancePath.replaceAll('/', '.')}`,
      message: e.message,
    })),
  });
}
