// Admins' requests and answers: login and its tokens, the account list and its edits, and the
// welcome link's password choice.
import { MAX_PASSWORD_LENGTH } from '@campus/platform/auth';
import { type Static, Type } from 'typebox';
import type { AdminRow } from './admins.repository.ts';

/** The shortest password an admin may choose (here and on the command line). */
export const MIN_PASSWORD_LENGTH = 12;

const Role = Type.Union([Type.Literal('superadmin'), Type.Literal('staff')]);

export const LoginBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
});

export const AdminView = Type.Object(
  { id: Type.String({ format: 'uuid' }), email: Type.String(), name: Type.String(), role: Role },
  { $id: 'AdminView' },
);

export type AdminView = Static<typeof AdminView>;

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'seconds' }),
  admin: AdminView,
});

export const AdminItem = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  disabled: Type.Boolean(),
  password_set: Type.Boolean(),
  created_at: Type.String(),
});
export const AdminList = Type.Object({ items: Type.Array(AdminItem) });
export type TokenResponse = Static<typeof TokenResponse>;
export type AdminItem = Static<typeof AdminItem>;

export const CreateAdminBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Role,
});
export type CreateAdminBody = Static<typeof CreateAdminBody>;

export const AdminParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const UpdateAdminBody = Type.Object(
  { disabled: Type.Optional(Type.Boolean()), role: Type.Optional(Role) },
  { minProperties: 1 },
);
export type UpdateAdminBody = Static<typeof UpdateAdminBody>;

export const PasswordResetBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) });
export const PasswordResetAccepted = Type.Object({ message: Type.String() });

export const SetPasswordBody = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100 }),
  password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH }),
});
export const SetPasswordResponse = Type.Object({
  admin: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), role: Role }),
});

export const toAdminView = (a: AdminRow) => ({ id: a.id, email: a.email, name: a.name, role: a.role });

export const toAdminItem = (a: AdminRow) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  disabled: a.disabledAt !== null,
  password_set: a.setupTokenHash === null,
  created_at: a.createdAt.toISOString(),
});
