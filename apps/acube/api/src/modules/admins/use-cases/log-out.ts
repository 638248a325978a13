// An admin ends this login: every refresh token of its family stops working.
import type { AdminsContext } from '../admins.context.ts';

export async function logOut(
  ctx: Pick<AdminsContext, 'db' | 'auth'>,
  input: { sessionId: string | undefined },
): Promise<void> {
  if (input.sessionId) await ctx.auth.refresh.revokeFamily(ctx.db, input.sessionId);
}
