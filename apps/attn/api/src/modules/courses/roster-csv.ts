// The roster CSV an admin uploads: parsed with csv-parse, every line checked on its own and
// against the other lines of the file. What needs the database (a school number that belongs
// to someone of another role) is checked later, in the import use case.
import { AppError } from '@campus/platform/errors';
import { parse } from 'csv-parse/sync';

export const ROSTER_COLUMNS = [
  'term',
  'term_starts_on',
  'term_ends_on',
  'course_code',
  'course_title',
  'school_number',
  'full_name',
  'email',
  'role',
] as const;
const OPTIONAL = new Set(['email']);
export const MAX_ROSTER_LINES = 50_000;

export interface RosterLine {
  line: number;
  term: string;
  termStartsOn: string;
  termEndsOn: string;
  courseCode: string;
  courseTitle: string;
  schoolNumber: string;
  fullName: string;
  email: string | null;
  role: 'student' | 'teacher';
}

export type LineError = {
  line: number;
  field: string;
  message: string;
};

const SCHOOL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Parses and checks the file; a file that is not CSV at all (unbalanced quotes) is a 400. */
export function parseRosterCsv(text: string): { lines: RosterLine[]; errors: LineError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new AppError('BAD_REQUEST', `Not a readable CSV file: ${(err as Error).message}`, { cause: err });
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError('BAD_REQUEST', 'The CSV file is empty');
  const names = header.record.map((h) => h.toLowerCase());
  const missing = ROSTER_COLUMNS.filter((c) => !OPTIONAL.has(c) && !names.includes(c));
  const unknown = names.filter((n) => !(ROSTER_COLUMNS as readonly string[]).includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    throw new AppError('BAD_REQUEST', 'The header line does not name the expected columns', {
      details: [
        ...missing.map((c) => ({ field: c, message: 'column missing' })),
        ...unknown.map((c) => ({ field: c, message: 'unknown column' })),
      ],
    });
  }
  if (rows.length > MAX_ROSTER_LINES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `At most ${MAX_ROSTER_LINES} lines per file: split it`);
  }
  const lines: RosterLine[] = [];
  const errors: LineError[] = [];
  const file = new FileChecks(errors);
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== names.length) {
      errors.push({ line, field: '*', message: `expected ${names.length} fields, found ${record.length}` });
      continue;
    }
    const cell = (c: string) => record[names.indexOf(c)] ?? '';
    const parsed = checkLine(line, cell, errors);
    if (parsed && file.check(parsed)) lines.push(parsed);
  }
  return { lines, errors };
}

function checkLine(line: number, cell: (c: string) => string, errors: LineError[]): RosterLine | null {
  const before = errors.length;
  const fail = (field: string, message: string) => errors.push({ line, field, message });
  const text = (field: string, max: number) => {
    const v = cell(field);
    if (v.length === 0) fail(field, 'required');
    else if (v.length > max) fail(field, `at most ${max} characters`);
    return v;
  };
  const term = text('term', 200);
  const termStartsOn = cell('term_starts_on');
  const termEndsOn = cell('term_ends_on');
  if (!isDate(termStartsOn)) fail('term_starts_on', 'a date as YYYY-MM-DD');
  if (!isDate(termEndsOn)) fail('term_ends_on', 'a date as YYYY-MM-DD');
  else if (isDate(termStartsOn) && termEndsOn < termStartsOn) fail('term_ends_on', 'before term_starts_on');
  const courseCode = text('course_code', 50);
  const courseTitle = text('course_title', 200);
  const schoolNumber = cell('school_number');
  if (!SCHOOL_NUMBER.test(schoolNumber)) fail('school_number', 'letters, digits, . _ - (at most 64)');
  const fullName = text('full_name', 200);
  const email = cell('email');
  if (email && (email.length > 254 || !EMAIL.test(email))) fail('email', 'not an e-mail address');
  const role = cell('role').toLowerCase();
  if (role !== 'student' && role !== 'teacher') fail('role', "'student' or 'teacher'");
  if (errors.length > before) return null;
  return {
    line,
    term,
    termStartsOn,
    termEndsOn,
    courseCode,
    courseTitle,
    schoolNumber,
    fullName,
    email: email || null,
    role: role as RosterLine['role'],
  };
}

/** What must agree between lines: a term's dates, a course's title, a person's details. */
class FileChecks {
  readonly #errors: LineError[];
  readonly #terms = new Map<string, RosterLine>();
  readonly #courses = new Map<string, RosterLine>();
  readonly #people = new Map<string, RosterLine>();
  readonly #places = new Map<string, number>();

  constructor(errors: LineError[]) {
    this.#errors = errors;
  }

  check(l: RosterLine): boolean {
    const before = this.#errors.length;
    const differs = (first: RosterLine | undefined, field: string, a: unknown, b: unknown) => {
      if (first && a !== b)
        this.#errors.push({ line: l.line, field, message: `differs from line ${first.line}` });
    };
    const term = this.#terms.get(l.term);
    differs(term, 'term_starts_on', term?.termStartsOn, l.termStartsOn);
    differs(term, 'term_ends_on', term?.termEndsOn, l.termEndsOn);
    const courseKey = JSON.stringify([l.term, l.courseCode]);
    const course = this.#courses.get(courseKey);
    differs(course, 'course_title', course?.courseTitle, l.courseTitle);
    const person = this.#people.get(l.schoolNumber);
    differs(person, 'full_name', person?.fullName, l.fullName);
    differs(person, 'email', person?.email, l.email);
    differs(person, 'role', person?.role, l.role);
    const placeKey = JSON.stringify([l.term, l.courseCode, l.schoolNumber]);
    const place = this.#places.get(placeKey);
    if (place !== undefined)
      this.#errors.push({
        line: l.line,
        field: 'school_number',
        message: `already in this course on line ${place}`,
      });
    if (this.#errors.length > before) return false;
    if (!term) this.#terms.set(l.term, l);
    if (!course) this.#courses.set(courseKey, l);
    if (!person) this.#people.set(l.schoolNumber, l);
    this.#places.set(placeKey, l.line);
    return true;
  }
}
