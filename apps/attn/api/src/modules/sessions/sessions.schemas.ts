// Attendance sessions as the teacher's screen sees them, and their types for the web front end
// (`import type` only).
import { type Static, Type } from 'typebox';

export const CourseParams = Type.Object({ courseId: Type.String({ format: 'uuid' }) });
export const SessionParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const OpenSessionBody = Type.Object(
  {
    duration_minutes: Type.Integer({ minimum: 1, maximum: 600 }),
    selfie_required: Type.Boolean({ default: false }),
    allowed_networks: Type.Array(Type.String({ maxLength: 64 }), {
      maxItems: 32,
      default: [],
      description: "CIDRs a check-in must come from, e.g. '10.20.0.0/16'; empty: any network",
    }),
    late_after_minutes: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0, maximum: 600 }), Type.Null()], {
        description: 'Check-ins later than this many minutes after opening are late; absent: never late',
      }),
    ),
    code_step_seconds: Type.Integer({ minimum: 5, maximum: 60, default: 10 }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type OpenSessionBody = Static<typeof OpenSessionBody>;

export const SessionCounts = Type.Object({
  enrolled: Type.Integer(),
  checked_in: Type.Integer(),
  present: Type.Integer(),
  late: Type.Integer(),
  flagged: Type.Integer({ description: 'Check-ins from a device that checked in several students' }),
  pending_verification: Type.Integer(),
});

const SessionCourse = Type.Object({ id: Type.String(), code: Type.String(), title: Type.String() });

export const SessionResponse = Type.Object({
  id: Type.String(),
  course_id: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  opened_at: Type.String({ format: 'date-time' }),
  ends_at: Type.String({ format: 'date-time' }),
  closed_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  open: Type.Boolean(),
  code_step_seconds: Type.Integer(),
  late_after_minutes: Type.Union([Type.Integer(), Type.Null()]),
  selfie_required: Type.Boolean(),
  allowed_networks: Type.Array(Type.String()),
  counts: Type.Optional(SessionCounts),
  course: Type.Optional(SessionCourse),
});
export type SessionResponse = Static<typeof SessionResponse>;

/** GET /api/teacher/sessions/{id}: the session with its counts and its course (for the projector). */
export const SessionDetailResponse = Type.Object({
  ...SessionResponse.properties,
  counts: SessionCounts,
  course: SessionCourse,
});
export type SessionDetailResponse = Static<typeof SessionDetailResponse>;

export const CodeResponse = Type.Object({
  code: Type.String(),
  step_seconds: Type.Integer(),
  rotates_at: Type.String({ format: 'date-time', description: 'When the screen should show the next code' }),
  valid_until: Type.String({ format: 'date-time', description: 'The last moment this code is accepted' }),
  server_time: Type.String({
    format: 'date-time',
    description:
      "The server's clock when it answered: a screen times its rotation by this, not its own clock",
  }),
  qr_payload: Type.String({
    description:
      'The URL the QR code holds, <PUBLIC_URL>/c/<session_id>#<code>: any camera app opens the check-in ' +
      'page with it; the code is in the fragment, which browsers never send to a server',
  }),
  qr_svg: Type.String({ description: 'qr_payload as a QR code, an SVG document' }),
});
export type CodeResponse = Static<typeof CodeResponse>;
