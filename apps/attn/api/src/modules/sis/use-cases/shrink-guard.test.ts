import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHRINK_GUARD_MIN, shrinkRefusal } from './shrink-guard.ts';

test('a roster below half of what the SIS gave before is refused, with both numbers', () => {
  const refusal = shrinkRefusal({ before: 100, listed: 49, allowShrink: false });
  assert.match(refusal ?? '', /lists 49 enrollments where ATTN holds 100/);
  assert.equal(shrinkRefusal({ before: 100, listed: 50, allowShrink: false }), null);
});

test('a small roster, or a shrink an admin allowed, goes through', () => {
  assert.equal(shrinkRefusal({ before: SHRINK_GUARD_MIN - 1, listed: 0, allowShrink: false }), null);
  assert.equal(shrinkRefusal({ before: 100, listed: 0, allowShrink: true }), null);
});
