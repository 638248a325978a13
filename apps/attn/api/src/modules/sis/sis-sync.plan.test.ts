// The sync's rules without a database: what is a change, whose rows it may take or remove.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SisPerson } from './oneroster.ts';
import { planCourses, planPairs, planTerms, planUsers } from './sis-sync.plan.ts';
import type { UserRow } from './sis-sync.repository.ts';

const now = new Date('2026-03-01T00:00:00Z');
const person = (n: string, over: Partial<SisPerson> = {}): SisPerson => ({
  sisId: `user-${n}`,
  schoolNumber: n,
  fullName: `Person ${n}`,
  email: null,
  role: 'student',
  ...over,
});
const row = (id: string, over: Partial<UserRow>): UserRow => ({
  id,
  sisId: null,
  schoolNumber: id,
  fullName: 'x',
  email: null,
  role: 'student',
  passwordHash: null,
  ...over,
});

test('a term or course is updated only when a field the SIS owns differs', () => {
  const existing = [{ id: 't1', sisId: 'a', title: 'Spring', startsOn: '2026-02-01', endsOn: '2026-06-01' }];
  const same = planTerms(
    [{ sisId: 'a', title: 'Spring', startsOn: '2026-02-01', endsOn: '2026-06-01' }],
    existing,
    now,
  );
  assert.deepEqual([same.inserts.length, same.updates.length], [0, 0]);
  const moved = planTerms(
    [{ sisId: 'a', title: 'Spring', startsOn: '2026-02-01', endsOn: '2026-06-08' }],
    existing,
    now,
  );
  assert.equal(moved.updates[0]?.set.endsOn, '2026-06-08');

  const terms = new Map([['a', 't1']]);
  const courses = planCourses(
    [
      { sisId: 'c1', title: 'T', code: 'C 1', termSisId: 'a' },
      { sisId: 'c2', title: 'T', code: 'C 2', termSisId: 'school-year' },
    ],
    [{ id: 'k1', sisId: 'c1', termId: 't1', code: 'C 1', title: 'T' }],
    terms,
    now,
  );
  assert.deepEqual([courses.inserts.length, courses.updates.length, courses.unresolved], [0, 0, 1]);
});

test('people: matched by sis_id; local accounts and other SIS ids keep their numbers; password-less rows are adopted', () => {
  const plan = planUsers(
    [
      person('1'),
      person('2', { fullName: 'Renamed' }),
      person('3'),
      person('4'),
      person('5'),
      person('5', { sisId: 'user-5b' }),
    ],
    [
      row('r1', { sisId: 'user-1', schoolNumber: '1', fullName: 'Person 1' }),
      row('r2', { sisId: 'user-2', schoolNumber: '2', fullName: 'Person 2' }),
      row('r3', { schoolNumber: '3', passwordHash: '$argon2id$local' }),
      row('r4', { schoolNumber: '4' }),
    ],
    now,
  );
  assert.deepEqual(
    plan.updates.map((u) => [u.id, u.set.sisId, u.set.fullName]),
    [
      ['r2', 'user-2', 'Renamed'],
      ['r4', 'user-4', 'Person 4'],
    ],
  );
  assert.deepEqual(
    plan.inserts.map((u) => u.sisId),
    ['user-5'],
  );
  // 3 is a local account; the second 5 repeats a number already given in this run.
  assert.equal(plan.conflicts, 2);
});

test('pairs: add what is absent in any form, remove only removable ones no longer wanted', () => {
  const plan = planPairs(
    [
      { courseId: 'c', userId: 'a' },
      { courseId: 'c', userId: 'b' },
    ],
    [
      { courseId: 'c', userId: 'b', removable: false },
      { courseId: 'c', userId: 'x', removable: true },
      { courseId: 'c', userId: 'y', removable: false },
    ],
  );
  assert.deepEqual(plan.add, [{ courseId: 'c', userId: 'a' }]);
  assert.deepEqual(plan.remove, [{ courseId: 'c', userId: 'x' }]);
});
