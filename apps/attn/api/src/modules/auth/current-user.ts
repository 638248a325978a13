// Who is calling, as ATTN's handlers need it: the user's id (for rows), school number (the
// rate-limit key and what people see) and role.
import { unauthenticated } from '@campus/platform/errors';
import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../../db/schema/index.ts';

export interface CurrentUser {
  userId: string;
  schoolNumber: string;
  role: UserRole;
}

export function currentUser(request: FastifyRequest): CurrentUser {
  const p = request.principal;
  if (!p?.subject) throw unauthenticated();
  return { userId: p.subject, schoolNumber: p.id, role: p.roles[0] as UserRole };
}
