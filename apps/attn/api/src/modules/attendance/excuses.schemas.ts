// Excused absences on the wire (snake_case): recorded by a teacher of the course or an admin
// for a student and a session, with a category and a note for the course's teachers.
import { type Static, Type } from 'typebox';

export const ExcuseCategory = Type.Union(
  [Type.Literal('medical_report'), Type.Literal('official_duty'), Type.Literal('other')],
  { description: 'medical_report, official_duty (a university duty, a sports team, a court), other' },
);
export type ExcuseCategory = Static<typeof ExcuseCategory>;

export const CourseParams = Type.Object({ courseId: Type.String({ format: 'uuid' }) });
export const ExcuseParams = Type.Object({
  courseId: Type.String({ format: 'uuid' }),
  excuseId: Type.String({ format: 'uuid' }),
});

export const ExcuseBody = Type.Object(
  {
    student_id: Type.String({ format: 'uuid' }),
    session_id: Type.String({ format: 'uuid' }),
    category: ExcuseCategory,
    note: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'For the course’s teachers; never logged, and the audit log keeps only its length',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExcuseBody = Static<typeof ExcuseBody>;

export const ExcusedAbsence = Type.Object({
  id: Type.String({ format: 'uuid' }),
  session_id: Type.String({ format: 'uuid' }),
  session_title: Type.Union([Type.String(), Type.Null()]),
  session_opened_at: Type.String({ format: 'date-time' }),
  student: Type.Object({ id: Type.String(), school_number: Type.String(), full_name: Type.String() }),
  category: ExcuseCategory,
  note: Type.Union([Type.String(), Type.Null()]),
  recorded_by: Type.String({ format: 'uuid' }),
  recorded_at: Type.String({ format: 'date-time' }),
});
export type ExcusedAbsence = Static<typeof ExcusedAbsence>;

export const ExcuseList = Type.Object({ items: Type.Array(ExcusedAbsence) });
export type ExcuseList = Static<typeof ExcuseList>;
