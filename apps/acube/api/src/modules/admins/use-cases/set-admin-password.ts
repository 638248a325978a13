// A new admin chooses their password with the welcome mail's link: the link is spent, the choice
// audited as theirs. An unknown or expired link is refused.
import { hashToken } from '@campus/platform/auth';
import { unauthenticated } from '@campus/platform/errors';
import type { Actor, AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';

export async function setAdminPassword(
  ctx: AdminsContext,
  input: { token: string; password: string; who: Actor },
): Promise<AdminRow> {
  const passwordHash = await ctx.auth.hasher.hash(input.password);
  const row = await ctx.repo.setPasswordBySetupToken(hashToken(input.token), passwordHash, ctx.clock.now());
  if (!row) throw unauthenticated('This link is not valid any more: ask a superadmin for a new one');
  await ctx.audit.record(ctx.db, {
    ...input.who,
    actorId: row.id,
    action: 'admin.password_set',
    entity: 'admin',
    entityId: row.id,
  });
  return row;
}
