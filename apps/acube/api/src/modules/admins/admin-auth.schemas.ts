import { MAX_PASSWORD_LENGTH } from '@campus/platform/auth/passwords.ts';
import { Type } from 'typebox';

export const LoginBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
});

export const AdminView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    name: Type.String(),
    role: Type.Union([Type.Literal('superadmin'), Type.Literal('staff')]),
  },
  { $id: 'AdminView' },
);

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'seconds' }),
  admin: AdminView,
});
