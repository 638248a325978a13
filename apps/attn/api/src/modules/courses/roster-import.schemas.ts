// The roster import's query, answer and documentation (the columns of the file).
import { Type } from 'typebox';

export const ROSTER_BODY_LIMIT = 10 * 1024 * 1024;

export const IMPORT_DESCRIPTION = `A CSV file (UTF-8, a header line, comma-separated, RFC 4180 quoting), one line per person
in a course. Columns, in any order:

| column | |
|---|---|
| term | the term's title, e.g. "2026 Spring"; matches an existing term by title |
| term_starts_on, term_ends_on | YYYY-MM-DD; the same on every line of a term |
| course_code | e.g. "CENG 101"; matches a course by code within its term |
| course_title | the same on every line of a course |
| school_number | the person's school number: letters, digits, . _ - |
| full_name | |
| email | optional |
| role | student (enrolled) or teacher (teaches the course) |

With dry_run=true (the default) nothing changes: the answer lists what would be created,
updated or left unchanged, and every problem as {line, field, message}. With dry_run=false the
file is applied in one transaction, or, if any line has a problem, not at all (422, the same
problems in error.details). The import adds; it never removes anyone from a course. Terms,
courses and people that came from the SIS are never changed by a file. People created by a file
have no password: they log in through the SIS where one is configured; no password travels in
the file. At most 50,000 lines and 10 MiB.`;

export const ImportQuery = Type.Object({
  dry_run: Type.Boolean({ default: true, description: 'true: only check and report; false: apply' }),
});

const Counts = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });

export const ImportResponse = Type.Object({
  dry_run: Type.Boolean(),
  applied: Type.Boolean(),
  lines: Type.Integer({ description: 'Lines read, header excluded' }),
  error_count: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), field: Type.String(), message: Type.String() }), {
    description: 'At most 1000 listed',
  }),
  summary: Type.Object({
    terms: Counts,
    courses: Counts,
    users: Counts,
    enrollments: Counts,
    teachers: Counts,
  }),
});
