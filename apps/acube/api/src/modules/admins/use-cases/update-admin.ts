// A superadmin disables or re-enables an admin, or changes their role; never their own account.
// Disabling ends every login of that admin in the same transaction; the edit is audited there.
import { notFound } from '@campus/platform/errors';
import type { Actor, AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';
import type { UpdateAdminBody } from '../admins.schemas.ts';
import { adminChanges, refuseOwnAccount } from './admin-rules.ts';

export async function updateAdmin(
  ctx: AdminsContext,
  input: { id: string; changes: UpdateAdminBody; who: Actor },
): Promise<{ admin: AdminRow; changes: Record<string, unknown> }> {
  refuseOwnAccount(input.who.actorId, input.id);
  const before = await ctx.repo.findById(input.id);
  if (!before) throw notFound('Admin');
  const { set, changes } = adminChanges(before, input.changes, ctx.clock.now());
  if (Object.keys(set).length === 0) return { admin: before, changes };
  const admin = await ctx.db.transaction(async (tx) => {
    const row = await ctx.repo.update(before.id, set, tx);
    if (input.changes.disabled) await ctx.auth.refresh.revokeSubject(tx, before.id);
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'admin.updated',
      entity: 'admin',
      entityId: before.id,
      changes,
    });
    return row ?? before;
  });
  return { admin, changes };
}
