import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toLiveCheckin } from './get-live-snapshot.ts';

const row = {
  id: '6f1c2a4e-0b7d-4c1e-9a51-3d2f8e7c6b5a',
  studentId: '0d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
  schoolNumber: '2026001',
  fullName: 'Ada Yılmaz',
  status: 'late' as const,
  checkedInAt: new Date('2026-03-02T09:12:00.000Z'),
  verification: 'pending' as const,
  source: 'code',
  deviceFlagged: null as unknown as boolean,
};

test('a check-in reaches the stream with its student, times in ISO and the device flag a boolean', () => {
  assert.deepEqual(toLiveCheckin(row), {
    id: row.id,
    student: { id: row.studentId, school_number: '2026001', full_name: 'Ada Yılmaz' },
    status: 'late',
    checked_in_at: '2026-03-02T09:12:00.000Z',
    verification: 'pending',
    device_flagged: false,
    source: 'code',
  });
  assert.equal(toLiveCheckin({ ...row, deviceFlagged: true }).device_flagged, true);
});
