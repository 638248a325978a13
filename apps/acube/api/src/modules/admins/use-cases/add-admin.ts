// An admin made from the command line, with the password its operator typed: the account and
// its audit entry in one transaction. Undefined when the address has an account already.
import type { Db } from '@campus/platform/db';
import type { AdminRole } from '../../../db/schema/admins.ts';
import type { AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';

export async function addAdmin(
  ctx: Pick<AdminsContext, 'repo' | 'audit'> & { db: Db },
  input: { email: string; name: string; role: AdminRole; passwordHash: string },
): Promise<AdminRow | undefined> {
  if (await ctx.repo.findByEmail(input.email)) return undefined;
  return ctx.db.transaction(async (tx) => {
    const row = await ctx.repo.insert(input, tx);
    await ctx.audit.record(tx, {
      action: 'admin.created',
      entity: 'admin',
      entityId: row.id,
      changes: { role: row.role, via: 'command line' },
    });
    return row;
  });
}
