import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRosterCsv } from './roster-csv.ts';

test('columns in any order and case, a BOM, quoted commas and blank lines are read; email is optional', () => {
  const csv =
    '\uFEFFRole,School_Number,Full_Name,Term,Term_Starts_On,Term_Ends_On,Course_Code,Course_Title\r\n' +
    'Student,S1,"Doe, Ann",2026 Spring,2026-02-01,2026-06-15,CENG 101,"Programming, part 1"\r\n' +
    '\r\n' +
    'teacher,T1,Tim,2026 Spring,2026-02-01,2026-06-15,CENG 101,"Programming, part 1"\r\n';
  const { lines, errors } = parseRosterCsv(csv);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    lines.map((l) => [l.line, l.role, l.schoolNumber, l.fullName, l.email, l.courseTitle]),
    [
      [2, 'student', 'S1', 'Doe, Ann', null, 'Programming, part 1'],
      [4, 'teacher', 'T1', 'Tim', null, 'Programming, part 1'],
    ],
  );
});

test('a term whose dates differ between lines, and an end before the start, are errors of those lines', () => {
  const header = 'term,term_starts_on,term_ends_on,course_code,course_title,school_number,full_name,role';
  const { errors } = parseRosterCsv(
    [
      header,
      'X,2026-02-01,2026-06-15,C1,T,S1,A,student',
      'X,2026-02-02,2026-06-15,C1,T,S2,B,student',
      'Y,2026-06-01,2026-02-15,C1,T,S3,C,student',
    ].join('\n'),
  );
  assert.deepEqual(errors, [
    { line: 3, field: 'term_starts_on', message: 'differs from line 2' },
    { line: 4, field: 'term_ends_on', message: 'before term_starts_on' },
  ]);
});

test('an empty file and a header-only file', () => {
  assert.throws(() => parseRosterCsv(''), /empty/);
  const header =
    'term,term_starts_on,term_ends_on,course_code,course_title,school_number,full_name,email,role';
  assert.deepEqual(parseRosterCsv(header), { lines: [], errors: [] });
});
