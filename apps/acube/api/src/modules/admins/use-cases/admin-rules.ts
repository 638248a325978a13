// The admin account rules without a database: how long a welcome link lasts, that nobody edits
// their own account, and what an edit changes (only what differs, with a summary for the audit).
import { conflict } from '@campus/platform/errors';
import type { AdminRow, NewAdmin } from '../admins.repository.ts';
import type { UpdateAdminBody } from '../admins.schemas.ts';

/** How long a welcome mail's link lets the new admin choose a password. */
export const SETUP_HOURS = 48;

export const setupExpiry = (nowMs: number) => new Date(nowMs + SETUP_HOURS * 3600_000);

/** How long a password reset mail's link works: shorter, as the account already has access. */
export const RESET_HOURS = 2;

export const resetExpiry = (nowMs: number) => new Date(nowMs + RESET_HOURS * 3600_000);

/** A superadmin could otherwise lock the panel out of its last superadmin. */
export function refuseOwnAccount(actorId: string | null | undefined, targetId: string): void {
  if (actorId === targetId) throw conflict('You cannot disable yourself or change your own role');
}

/** The columns an edit sets and the audit's summary of it; both empty when nothing differs. */
export function adminChanges(
  before: Pick<AdminRow, 'disabledAt' | 'role'>,
  body: UpdateAdminBody,
  now: Date,
): { set: Partial<NewAdmin>; changes: Record<string, unknown> } {
  const set: Partial<NewAdmin> = {};
  const changes: Record<string, unknown> = {};
  if (body.disabled !== undefined && body.disabled !== (before.disabledAt !== null)) {
    set.disabledAt = body.disabled ? now : null;
    changes.disabled = body.disabled;
  }
  if (body.role && body.role !== before.role) {
    set.role = body.role;
    changes.role = { from: before.role, to: body.role };
  }
  return { set, changes };
}
