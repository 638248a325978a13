// The teacher's review of selfie verifications: the list of a session's check-ins to look at,
// with the engine's scores, and the decision on one of them.
import { type Static, Type } from 'typebox';
import { LiveStudent } from '../../live-channel.ts';

export const SessionParams = Type.Object({ sessionId: Type.String({ format: 'uuid' }) });
export const CheckinParams = Type.Object({ checkinId: Type.String({ format: 'uuid' }) });

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ReviewItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  student: LiveStudent,
  status: Type.Union([Type.Literal('present'), Type.Literal('late')]),
  checked_in_at: Type.String({ format: 'date-time' }),
  verification: Type.Union([Type.Literal('needs_review'), Type.Literal('rejected')]),
  review_reason: Type.Union(
    [
      Type.Literal('similarity'),
      Type.Literal('photo_quality'),
      Type.Literal('no_face'),
      Type.Literal('several_faces'),
      Type.Literal('face_too_small'),
      Type.Literal('unreadable_photo'),
      Type.Literal('not_enrolled'),
      Type.Literal('not_checked'),
    ],
    {
      description:
        "Why: 'similarity' (the score decided), 'photo_quality' (scored, but the face is below the quality " +
        "gate: see quality_issues), the photo's faces, 'not_enrolled' (no face enrolment: " +
        "confirm in person), 'not_checked' (the check could not run: decide from the selfie)",
    },
  ),
  quality_issues: Type.Array(
    Type.Union([
      Type.Literal('face_too_small'),
      Type.Literal('greyscale'),
      Type.Literal('blurred'),
      Type.Literal('dark'),
    ]),
    {
      description:
        'What the quality gate found wrong with the face (FACE_MIN_* settings); empty when nothing',
    },
  ),
  similarity: nullable(Type.Number({ description: 'Best similarity with the enrolled photos, 0..1' })),
  face_count: nullable(Type.Integer()),
  spoof_score: nullable(Type.Number({ description: 'Recorded, never decisive' })),
  liveness_score: nullable(Type.Number({ description: 'Recorded, never decisive' })),
  verification_attempts: Type.Integer(),
  selfie_kept: Type.Boolean(),
  selfie_url: nullable(Type.String()),
  selfie_delete_after: nullable(Type.String({ format: 'date-time' })),
  reviewed_by: nullable(Type.String({ format: 'uuid' })),
  reviewed_at: nullable(Type.String({ format: 'date-time' })),
});
export type ReviewItem = Static<typeof ReviewItem>;

export const ReviewList = Type.Object({
  session_id: Type.String({ format: 'uuid' }),
  thresholds: Type.Object({ verified: Type.Number(), rejected: Type.Number() }),
  items: Type.Array(ReviewItem),
});

export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('reject')]),
    reason: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'Kept on the check-in for the course’s teachers; the audit log records only its length',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

export const ReviewResult = Type.Object({
  id: Type.String({ format: 'uuid' }),
  verification: Type.Union([Type.Literal('verified'), Type.Literal('rejected')]),
  reviewed_by: Type.String({ format: 'uuid' }),
  reviewed_at: Type.String({ format: 'date-time' }),
  selfie_kept: Type.Literal(false),
});
