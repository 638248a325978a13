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

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const StudentOpenSession = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    ends_at: Type.String({ format: 'date-time' }),
    selfie_required: Type.Boolean(),
    checked_in: Type.Boolean({ description: 'Whether you have already checked in to it' }),
  },
  { description: 'The attendance session open now in this course, if any' },
);
export type StudentOpenSession = Static<typeof StudentOpenSession>;

export const StudentCourse = Type.Object({
  ...CourseSummary.properties,
  open_session: Nullable(StudentOpenSession),
});
export type StudentCourse = Static<typeof StudentCourse>;

export const StudentCoursesResponse = Type.Object({ items: Type.Array(StudentCourse) });
export type StudentCoursesResponse = Static<typeof StudentCoursesResponse>;

export const TeacherOpenSession = Type.Object(
  { id: Type.String({ format: 'uuid' }), ends_at: Type.String({ format: 'date-time' }) },
  { description: 'The attendance session open now in this course, if any' },
);
export type TeacherOpenSession = Static<typeof TeacherOpenSession>;

const RosterSize = { roster_size: Type.Integer() };

export const TeacherCourse = Type.Object({
  ...CourseSummary.properties,
  ...RosterSize,
  open_session: Nullable(TeacherOpenSession),
});
export type TeacherCourse = Static<typeof TeacherCourse>;

export const TeacherCoursesResponse = Type.Object({ items: Type.Array(TeacherCourse) });
export type TeacherCoursesResponse = Static<typeof TeacherCoursesResponse>;

export const RosterStudent = Type.Object({
  id: Type.String(),
  school_number: Type.String(),
  full_name: Type.String(),
});
export type RosterStudent = Static<typeof RosterStudent>;

export const TeacherCourseDetail = Type.Object({
  ...TeacherCourse.properties,
  roster: Type.Array(RosterStudent),
});
export type TeacherCourseDetail = Static<typeof TeacherCourseDetail>;

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
