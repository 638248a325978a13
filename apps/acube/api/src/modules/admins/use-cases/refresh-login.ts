// A new access token for a refresh token, which rotates (a spent one revokes its family, in the
// platform). An account disabled since ends the family at once; so does a login without
// two-factor once a superadmin made it required (the admin logs in again and enrols).
import { unauthenticated } from '@campus/platform/errors';
import type { AdminsContext } from '../admins.context.ts';
import { type AdminSession, sessionFor } from './log-in.ts';

export async function refreshLogin(
  ctx: Pick<AdminsContext, 'db' | 'repo' | 'auth'>,
  input: { token: string },
): Promise<AdminSession> {
  const issued = await ctx.auth.refresh.rotate(ctx.db, input.token);
  const admin = await ctx.repo.findById(issued.subject);
  if (!admin || admin.disabledAt) {
    await ctx.auth.refresh.revokeFamily(ctx.db, issued.familyId);
    throw unauthenticated('Account disabled');
  }
  if (
    (await ctx.auth.twoFactor.required(ctx.db)) &&
    !(await ctx.auth.twoFactor.isEnabled(ctx.db, admin.id))
  ) {
    await ctx.auth.refresh.revokeFamily(ctx.db, issued.familyId);
    throw unauthenticated('Two-factor authentication is required: log in again to set it up');
  }
  return sessionFor(ctx, admin, issued);
}
