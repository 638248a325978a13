// A superadmin creates an admin: the account (with a password nobody knows), a welcome link
// valid for 48 hours stored as a hash, the audit entry and the welcome mail, in one transaction.
// The new admin chooses their own password through the link.
import { hashToken, newToken } from '@campus/platform/auth';
import { fromDatabaseError } from '@campus/platform/errors';
import type { Actor, AdminsContext } from '../admins.context.ts';
import { adminWelcome } from '../admins.mail.ts';
import type { AdminRow } from '../admins.repository.ts';
import type { CreateAdminBody } from '../admins.schemas.ts';
import { SETUP_HOURS, setupExpiry } from './admin-rules.ts';

export async function createAdmin(
  ctx: AdminsContext,
  input: { fields: CreateAdminBody; who: Actor },
): Promise<AdminRow> {
  const token = newToken();
  const setupTokenExpiresAt = setupExpiry(ctx.clock.nowMs());
  const unusable = await ctx.auth.hasher.hash(newToken());
  return ctx.db
    .transaction(async (tx) => {
      const created = await ctx.repo.insert({ ...input.fields, passwordHash: unusable }, tx);
      const row = await ctx.repo.update(
        created.id,
        { setupTokenHash: hashToken(token), setupTokenExpiresAt },
        tx,
      );
      await ctx.audit.record(tx, {
        ...input.who,
        action: 'admin.created',
        entity: 'admin',
        entityId: created.id,
        changes: { role: created.role },
      });
      await ctx.mail.send(
        adminWelcome,
        created.email,
        {
          name: created.name,
          role: created.role,
          hours: SETUP_HOURS,
          link: `${ctx.publicUrl}/admin/set-password?token=${encodeURIComponent(token)}`,
        },
        { tx },
      );
      return row ?? created;
    })
    .catch((err) => {
      throw fromDatabaseError(err, { unique: 'An admin with this e-mail exists already' });
    });
}
