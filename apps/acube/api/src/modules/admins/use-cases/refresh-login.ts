// A new access token for a refresh token, which rotates (a spent one revokes its family, in the
// platform). An account disabled since ends the family at once.
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
  return sessionFor(ctx, admin, issued);
}
