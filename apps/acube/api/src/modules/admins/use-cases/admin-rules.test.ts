// The admin account rules: the welcome link's life, no edits of one's own account, and an edit
// that records only what differs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '@campus/platform/errors';
import { adminChanges, refuseOwnAccount, SETUP_HOURS, setupExpiry } from './admin-rules.ts';

const NOW = new Date('2026-01-01T12:00:00Z');

test('a welcome link lasts 48 hours', () => {
  assert.equal(SETUP_HOURS, 48);
  assert.equal(setupExpiry(NOW.getTime()).toISOString(), '2026-01-03T12:00:00.000Z');
});

test('nobody disables or re-roles their own account', () => {
  assert.throws(
    () => refuseOwnAccount('a1', 'a1'),
    (err: unknown) => err instanceof AppError && err.code === 'CONFLICT',
  );
  assert.doesNotThrow(() => refuseOwnAccount('a1', 'a2'));
});

test('disabling stamps the time, a new role records from and to; the same values change nothing', () => {
  const active = { disabledAt: null, role: 'staff' as const };
  assert.deepEqual(adminChanges(active, { disabled: true, role: 'superadmin' }, NOW), {
    set: { disabledAt: NOW, role: 'superadmin' },
    changes: { disabled: true, role: { from: 'staff', to: 'superadmin' } },
  });
  assert.deepEqual(adminChanges(active, { disabled: false, role: 'staff' }, NOW), { set: {}, changes: {} });
  assert.deepEqual(adminChanges({ disabledAt: NOW, role: 'staff' }, { disabled: false }, NOW), {
    set: { disabledAt: null },
    changes: { disabled: false },
  });
});
