// Every admin account, oldest first (superadmins).
import type { AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';

export function listAdmins(ctx: Pick<AdminsContext, 'repo'>, _input: object = {}): Promise<AdminRow[]> {
  return ctx.repo.listAll();
}
