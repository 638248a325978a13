import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '@campus/platform/errors';
import { checkEventTimes } from './event-times.ts';

const at = (iso: string) => new Date(iso);

test('an event may have no end, or an end after its start', () => {
  assert.doesNotThrow(() => checkEventTimes(at('2026-07-01T17:00:00Z'), null));
  assert.doesNotThrow(() => checkEventTimes(at('2026-07-01T17:00:00Z'), at('2026-07-01T17:01:00Z')));
});

test('an end at or before the start is refused about ends_at', () => {
  for (const end of ['2026-07-01T17:00:00Z', '2026-07-01T16:00:00Z']) {
    assert.throws(
      () => checkEventTimes(at('2026-07-01T17:00:00Z'), at(end)),
      (err: unknown) =>
        err instanceof AppError &&
        err.statusCode === 400 &&
        err.code === 'VALIDATION_FAILED' &&
        err.details?.[0]?.field === 'body.ends_at',
    );
  }
});
