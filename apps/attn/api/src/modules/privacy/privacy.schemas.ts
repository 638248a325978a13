// A student's data on request (KVKK art. 11, GDPR art. 15 and 20): the export's shape, declared
// field by field so that the serialiser drops anything else (no embedding, no engine score can
// leave by accident), and the admin screen's face data status and deletion.
import { type Static, Type } from 'typebox';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });

export const SchoolNumberParams = Type.Object({
  schoolNumber: Type.String({ minLength: 1, maxLength: 64, description: "The student's school number" }),
});

export const FaceDataStatus = Type.Object({
  consent: nullable(
    Type.Object({ text_version: Type.String(), consented_at: DateTime }, { description: 'The live consent' }),
  ),
  enrolled_photos: Type.Integer({ description: 'Embeddings stored (one an enrolled photo), any model' }),
  kept_selfies: Type.Integer({ description: "Selfies kept for a teacher's review" }),
  on_active_roster: Type.Boolean({
    description: 'On the roster of a course whose term is neither archived nor over',
  }),
  retention_due_on: nullable(
    Type.String({
      format: 'date',
      description:
        'When the retention schedule deletes the face data, as things stand (null: on an active roster, or nothing to delete)',
    }),
  ),
});
export type FaceDataStatus = Static<typeof FaceDataStatus>;

export const PrivacyStudent = Type.Object({
  school_number: Type.String(),
  full_name: Type.String(),
  face: FaceDataStatus,
});
export type PrivacyStudent = Static<typeof PrivacyStudent>;

export const FaceDeletion = Type.Object({
  consent_withdrawn: Type.Boolean(),
  embeddings_deleted: Type.Integer(),
  selfies_deleted: Type.Integer(),
});
export type FaceDeletion = Static<typeof FaceDeletion>;

const Verification = Type.Union(
  [
    Type.Literal('not_required'),
    Type.Literal('pending'),
    Type.Literal('verified'),
    Type.Literal('rejected'),
    Type.Literal('needs_review'),
  ],
  { description: 'The selfie check’s verdict' },
);

export const StudentExport = Type.Object({
  format: Type.Literal('attn-student-data/1'),
  generated_at: DateTime,
  profile: Type.Object({
    school_number: Type.String(),
    full_name: Type.String(),
    email: nullable(Type.String()),
    role: Type.String(),
    account: Type.Union([Type.Literal('sis'), Type.Literal('local')], {
      description: "'sis': the password is checked by the student information system",
    }),
    created_at: DateTime,
    disabled_at: nullable(DateTime),
  }),
  courses: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      term: Type.Object({ title: Type.String(), starts_on: Day, ends_on: Day }),
      roster_source: Type.String({ description: "'sis' or 'csv'" }),
      on_roster_since: DateTime,
    }),
  ),
  attendance: Type.Object({
    checkins: Type.Array(
      Type.Object({
        course_code: Type.String(),
        session_title: nullable(Type.String()),
        session_opened_at: DateTime,
        status: Type.Union([Type.Literal('present'), Type.Literal('late')]),
        source: Type.String({
          description: "'code' (the student checked in) or 'manual' (a teacher marked it)",
        }),
        checked_in_at: DateTime,
        device_id: nullable(Type.String()),
        ip: nullable(Type.String()),
        teacher_reason: nullable(
          Type.String({ description: 'Why a teacher marked it or decided its review' }),
        ),
        archived: Type.Boolean(),
      }),
    ),
    excused_absences: Type.Array(
      Type.Object({
        course_code: Type.String(),
        session_title: nullable(Type.String()),
        session_opened_at: DateTime,
        category: Type.String(),
        note: nullable(Type.String({ description: "The teacher's note" })),
        recorded_at: DateTime,
      }),
    ),
  }),
  face: Type.Object({
    consents: Type.Array(
      Type.Object({ text_version: Type.String(), consented_at: DateTime, withdrawn_at: nullable(DateTime) }),
    ),
    enrolled_photos: Type.Array(Type.Object({ enrolled_at: DateTime, model: Type.String() }), {
      description:
        'When each photo was enrolled; the photos were never stored, their numbers are not exported',
    }),
    kept_selfies: Type.Integer(),
  }),
  verifications: Type.Array(
    Type.Object({
      course_code: Type.String(),
      session_opened_at: DateTime,
      checked_in_at: DateTime,
      verdict: Verification,
      reason: nullable(Type.String({ description: "Why, in the review's words: similarity, no_face, ..." })),
      decided_at: nullable(DateTime),
      reviewed_by_teacher_at: nullable(DateTime),
    }),
  ),
  not_included: Type.Array(Type.String(), { description: 'What is held but not exported, and why' }),
});
export type StudentExport = Static<typeof StudentExport>;
