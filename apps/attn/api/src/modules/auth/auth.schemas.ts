// Login and "who am I", and their types for the web front end (`import type` only).
import { MAX_PASSWORD_LENGTH } from '@campus/platform/auth';
import { type Static, Type } from 'typebox';

export const LoginBody = Type.Object(
  {
    school_number: Type.String({ minLength: 1, maxLength: 32, pattern: '^\\S+$' }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  school_number: Type.String(),
  full_name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.Literal('student'), Type.Literal('teacher'), Type.Literal('admin')]),
  session_expires_at: Type.Optional(Type.String({ format: 'date-time' })),
});
export type Me = Static<typeof Me>;
