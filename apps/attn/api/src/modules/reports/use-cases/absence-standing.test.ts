import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absenceStanding, byLimit } from './absence-standing.ts';

test('the limit counts whole sessions of the planned term, else of those held so far', () => {
  assert.deepEqual(absenceStanding({ held: 4, absent: 0, percent: 30, plannedSessions: 14 }), {
    allowed_absences: 4,
    absences_left: 4,
    limit_status: 'ok',
  });
  assert.equal(
    absenceStanding({ held: 10, absent: 0, percent: 30, plannedSessions: null }).allowed_absences,
    3,
  );
  assert.equal(
    absenceStanding({ held: 20, absent: 0, percent: 30, plannedSessions: 14 }).allowed_absences,
    6,
  );
  assert.equal(
    absenceStanding({ held: 10, absent: 0, percent: 0, plannedSessions: null }).allowed_absences,
    0,
  );
});

test('near once one more absence reaches the limit, over once past it, never near before any absence', () => {
  const at = (absent: number) => absenceStanding({ held: 10, absent, percent: 30, plannedSessions: null });
  assert.deepEqual(
    [1, 2, 3, 4].map((n) => at(n).limit_status),
    ['ok', 'near', 'near', 'over'],
  );
  assert.equal(at(4).absences_left, -1);
  assert.equal(
    absenceStanding({ held: 2, absent: 0, percent: 30, plannedSessions: null }).limit_status,
    'ok',
  );
  assert.equal(
    absenceStanding({ held: 2, absent: 1, percent: 30, plannedSessions: null }).limit_status,
    'over',
  );
});

test('over comes first, then near with the fewest absences left, then the rest in their order', () => {
  const s = (name: string, limit_status: 'ok' | 'near' | 'over', absences_left: number) => ({
    name,
    limit_status,
    absences_left,
    allowed_absences: 3,
  });
  const sorted = [
    s('a', 'ok', 3),
    s('b', 'near', 1),
    s('c', 'over', -1),
    s('d', 'near', 0),
    s('e', 'ok', 2),
  ].sort(byLimit);
  assert.deepEqual(
    sorted.map((x) => x.name),
    ['c', 'd', 'b', 'a', 'e'],
  );
});
