// A new admin chooses their password with the welcome mail's link, or anyone with a reset mail's:
// the link is spent, every other login of the account ends (a reset after a stolen password must
// lock the thief out), and the choice is audited as theirs. An unknown or expired link is refused.
import { hashToken } from '@campus/platform/auth';
import { unauthenticated } from '@campus/platform/errors';
import type { Actor, AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';

export async function setAdminPassword(
  ctx: AdminsContext,
  input: { token: string; password: string; who: Actor },
): Promise<AdminRow> {
  const passwordHash = await ctx.auth.hasher.hash(input.password);
  return ctx.db.transaction(async (tx) => {
    const row = await ctx.repo.setPasswordBySetupToken(
      hashToken(input.token),
      passwordHash,
      ctx.clock.now(),
      tx,
    );
    if (!row) throw unauthenticated('This link is not valid any more: ask a superadmin for a new one');
    const ended = await ctx.auth.refresh.revokeSubject(tx, row.id);
    await ctx.audit.record(tx, {
      ...input.who,
      actorId: row.id,
      action: 'admin.password_set',
      entity: 'admin',
      entityId: row.id,
      changes: { logins_ended: ended },
    });
    return row;
  });
}
