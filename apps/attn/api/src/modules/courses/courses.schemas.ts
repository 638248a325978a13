// Request and response schemas of the courses module (snake_case on the wire), and their types
// for the web front end (`import type` only).
import { type Static, Type } from 'typebox';

export const CourseParams = Type.Object({ courseId: Type.String({ format: 'uuid' }) });

export const TermSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  starts_on: Type.String({ format: 'date' }),
  ends_on: Type.String({ format: 'date' }),
});

export const CourseSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  term: TermSummary,
});
export type CourseSummary = Static<typeof CourseSummary>;

const RosterSize = { roster_size: Type.Integer() };

export const AdminTerm = Type.Object({
  ...TermSummary.properties,
  source: Type.Union([Type.Literal('sis'), Type.Literal('csv')]),
  archived_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const AdminCourse = Type.Object({
  ...CourseSummary.properties,
  ...RosterSize,
  teacher_count: Type.Integer(),
});

export const AdminCoursesQuery = Type.Object({
  term_id: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  before: Type.Optional(Type.String({ maxLength: 500, description: 'next_before of the previous page' })),
});

export const AdminCoursesPage = Type.Object({
  items: Type.Array(AdminCourse),
  next_before: Type.Union([Type.String(), Type.Null()]),
});
