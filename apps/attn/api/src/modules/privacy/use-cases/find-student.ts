// The student a privacy request is about: by school number (the admin's screen) or by id (the
// student's own export). Only students: teachers' and admins' accounts are not this module's.
import { notFound } from '@campus/platform/errors';
import type { PrivacyAccount } from '../../auth/index.ts';
import type { PrivacyContext } from '../privacy.context.ts';

export async function findStudent(
  ctx: Pick<PrivacyContext, 'accounts'>,
  by: { schoolNumber: string } | { id: string },
): Promise<PrivacyAccount> {
  const account =
    'id' in by ? await ctx.accounts.byId(by.id) : await ctx.accounts.bySchoolNumber(by.schoolNumber);
  if (account?.role !== 'student') throw notFound('Student');
  return account;
}
