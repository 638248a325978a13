// Request and response schemas of reports and history (snake_case on the wire), and their
// types for the web front end (`import type` only).
import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Time = Type.String({ format: 'date-time' });
const CheckinStatus = Type.Union([Type.Literal('present'), Type.Literal('late')]);
const ExcuseCategory = Type.Union([
  Type.Literal('medical_report'),
  Type.Literal('official_duty'),
  Type.Literal('other'),
]);

export const CourseParams = Type.Object({ courseId: Type.String({ format: 'uuid' }) });
export const CourseStudentParams = Type.Object({
  courseId: Type.String({ format: 'uuid' }),
  studentId: Type.String({ format: 'uuid' }),
});

export const Rate = Type.Object({
  sessions_held: Type.Integer({ description: 'Sessions closed or past their end' }),
  attended: Type.Integer({ description: 'present + late' }),
  present: Type.Integer(),
  late: Type.Integer(),
  excused: Type.Integer({ description: 'Held sessions missed with an excused absence' }),
  absent: Type.Integer({ description: 'Held sessions missed without one: what the absence limit counts' }),
  rate: Nullable(Type.Number({ description: 'attended / sessions_held, 0..1; null before any session' })),
});
export type Rate = Static<typeof Rate>;

export const LimitStatus = Type.Union([Type.Literal('ok'), Type.Literal('near'), Type.Literal('over')], {
  description: 'near: one more absence reaches the limit; over: past it',
});

export const Standing = Type.Object({
  allowed_absences: Type.Integer({ description: 'Absences the course’s limit allows' }),
  absences_left: Type.Integer({ description: 'allowed − absent; negative once over' }),
  limit_status: LimitStatus,
});

export const AbsenceLimitInfo = Type.Object({
  percent: Type.Integer(),
  planned_sessions: Nullable(Type.Integer()),
  allowed_absences: Type.Integer(),
});

export const SessionCounts = Type.Object({
  session_id: Type.String(),
  title: Nullable(Type.String()),
  opened_at: Time,
  present: Type.Integer(),
  late: Type.Integer(),
  excused: Type.Integer(),
  absent: Type.Integer(),
});
export type SessionCounts = Static<typeof SessionCounts>;

export const CourseReport = Type.Object({
  course_id: Type.String(),
  sessions_held: Type.Integer(),
  absence_limit: AbsenceLimitInfo,
  sessions: Type.Array(SessionCounts, {
    description: 'Held sessions, oldest first, with the roster’s counts',
  }),
  students: Type.Array(
    Type.Object({
      id: Type.String(),
      school_number: Type.String(),
      full_name: Type.String(),
      ...Rate.properties,
      ...Standing.properties,
    }),
    { description: 'Over the absence limit first, then near it, then by school number' },
  ),
});
export type CourseReport = Static<typeof CourseReport>;

export const SessionAttendance = Type.Object({
  session_id: Type.String(),
  title: Nullable(Type.String()),
  opened_at: Time,
  ends_at: Time,
  closed_at: Nullable(Time),
  attendance: Type.Union(
    [CheckinStatus, Type.Literal('excused'), Type.Literal('absent'), Type.Literal('not_yet')],
    {
      description:
        'not_yet: the session is still open and the student has not checked in; a check-in whose ' +
        'selfie was rejected is no attendance',
    },
  ),
  excuse_category: Nullable(ExcuseCategory),
  source: Nullable(Type.String({ description: "'code' or 'manual'" })),
  verification: Nullable(Type.String()),
  checked_in_at: Nullable(Time),
});
export type SessionAttendance = Static<typeof SessionAttendance>;

export const StudentReport = Type.Object({
  course_id: Type.String(),
  student_id: Type.String(),
  ...Rate.properties,
  ...Standing.properties,
  absence_limit: AbsenceLimitInfo,
  sessions: Type.Array(SessionAttendance),
});
export type StudentReport = Static<typeof StudentReport>;

export const TeacherStudentReport = Type.Object({
  ...StudentReport.properties,
  sessions: Type.Array(
    Type.Object({
      ...SessionAttendance.properties,
      reason: Nullable(Type.String({ description: 'Of a mark by hand' })),
      excuse_id: Nullable(Type.String()),
      excuse_note: Nullable(Type.String({ description: 'For the course’s teachers only' })),
    }),
  ),
});
export type TeacherStudentReport = Static<typeof TeacherStudentReport>;

export const HistoryQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  before: Type.Optional(Type.String({ maxLength: 500, description: 'next_before of the previous page' })),
});
export type HistoryQuery = Static<typeof HistoryQuery>;

export const HistoryPage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      session_id: Type.String(),
      session_title: Nullable(Type.String()),
      course: Type.Object({ id: Type.String(), code: Type.String(), title: Type.String() }),
      status: CheckinStatus,
      source: Type.String(),
      verification: Type.String(),
      checked_in_at: Time,
    }),
  ),
  next_before: Nullable(Type.String()),
});
export type HistoryPage = Static<typeof HistoryPage>;

export const AbsenceOverview = Type.Object({
  items: Type.Array(
    Type.Object({
      course: Type.Object({ id: Type.String(), code: Type.String(), title: Type.String() }),
      sessions_held: Type.Integer(),
      absent: Type.Integer(),
      excused: Type.Integer(),
      percent: Type.Integer({ description: 'The course’s limit, percent of its sessions' }),
      ...Standing.properties,
    }),
    { description: 'Your courses, over the limit first, then near it' },
  ),
});
export type AbsenceOverview = Static<typeof AbsenceOverview>;
