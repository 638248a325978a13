// An admin who forgot their password asks for a link by address. Whether the address has an
// account is never told (the route answers 202 either way); an active account gets the welcome
// mail's mechanism: a one-time link, stored as a hash, valid for RESET_HOURS, that the
// set-password route spends. A new request replaces an older link. Audited when there is an
// account; the token is never logged.
import { hashToken, newToken } from '@campus/platform/auth';
import type { Actor, AdminsContext } from '../admins.context.ts';
import { adminPasswordReset } from '../admins.mail.ts';
import { RESET_HOURS, resetExpiry } from './admin-rules.ts';

export async function requestPasswordReset(
  ctx: AdminsContext,
  input: { email: string; who: Omit<Actor, 'actorId'> },
): Promise<{ sent: boolean }> {
  const found = await ctx.repo.findByEmail(input.email.trim());
  if (!found || found.disabledAt) return { sent: false };
  const token = newToken();
  await ctx.db.transaction(async (tx) => {
    await ctx.repo.update(
      found.id,
      { setupTokenHash: hashToken(token), setupTokenExpiresAt: resetExpiry(ctx.clock.nowMs()) },
      tx,
    );
    await ctx.audit.record(tx, {
      ...input.who,
      actorId: null,
      action: 'admin.password_reset_requested',
      entity: 'admin',
      entityId: found.id,
    });
    await ctx.mail.send(
      adminPasswordReset,
      found.email,
      {
        name: found.name,
        hours: RESET_HOURS,
        link: `${ctx.publicUrl}/admin/set-password?token=${encodeURIComponent(token)}`,
      },
      { tx },
    );
  });
  return { sent: true };
}
