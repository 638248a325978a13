// The teacher's and the student's course pages (snake_case on the wire): each course with the
// attendance session open in it now; the teacher's one course with its roster. Types for the web
// front end (`import type` only, through index.ts) follow each schema.
import { type Static, Type } from 'typebox';
import { CourseSummary } from '../courses/index.ts';

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
