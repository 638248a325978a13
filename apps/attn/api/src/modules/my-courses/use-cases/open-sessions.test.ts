import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSessionByCourse, studentOpenSession, teacherOpenSession } from './open-sessions.ts';

const at = new Date('2026-03-02T09:50:00.000Z');
const session = (id: string, courseId: string) => ({ id, courseId, endsAt: at, selfieRequired: true });

test('each course shows its newest open session, a course without one shows none', () => {
  const byCourse = openSessionByCourse([session('s2', 'c1'), session('s1', 'c1'), session('s3', 'c2')]);
  assert.equal(byCourse.get('c1')?.id, 's2');
  assert.equal(byCourse.get('c2')?.id, 's3');
  assert.equal(teacherOpenSession(byCourse.get('c3')), null);
  assert.deepEqual(teacherOpenSession(byCourse.get('c1')), { id: 's2', ends_at: at.toISOString() });
});

test('a student sees whether they have checked in to the open session', () => {
  const s = session('s1', 'c1');
  assert.equal(studentOpenSession(s, new Set(['s1']))?.checked_in, true);
  assert.deepEqual(studentOpenSession(s, new Set()), {
    id: 's1',
    ends_at: at.toISOString(),
    selfie_required: true,
    checked_in: false,
  });
});
