// An admin's own two-factor settings (status, enrolment, disabling with a current code or the
// password), and the superadmin's switch that makes two-factor required for every admin. Each
// change is audited.
import type { DisableBody, TotpEnrolment, TwoFactorState } from '@campus/platform/auth';
import { conflict, notFound, unauthenticated } from '@campus/platform/errors';
import type { Actor, AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';
import { checkSecondFactor, confirmEnrolment } from './two-factor-login.ts';

type Ctx = Pick<AdminsContext, 'db' | 'repo' | 'auth' | 'audit'>;

async function getAdmin(ctx: Ctx, id: string): Promise<AdminRow> {
  const admin = await ctx.repo.findById(id);
  if (!admin) throw notFound('Admin');
  return admin;
}

export async function getTwoFactorStatus(
  ctx: Ctx,
  input: { adminId: string },
): Promise<TwoFactorState & { required: boolean }> {
  const status = await ctx.auth.twoFactor.status(ctx.db, input.adminId);
  return { ...status, required: await ctx.auth.twoFactor.required(ctx.db) };
}

export async function beginEnrolment(ctx: Ctx, input: { adminId: string }): Promise<TotpEnrolment> {
  const admin = await getAdmin(ctx, input.adminId);
  const enrolment = await ctx.auth.twoFactor.begin(ctx.db, admin.id, admin.email);
  if (!enrolment) throw conflict('Two-factor is already on: turn it off first to set up another app');
  return enrolment;
}

export async function confirmOwnEnrolment(
  ctx: Ctx,
  input: { adminId: string; code: string; ip: string; who: Actor },
): Promise<string[]> {
  return confirmEnrolment(ctx, { ...input, admin: await getAdmin(ctx, input.adminId) });
}

export async function disableTwoFactor(
  ctx: Ctx,
  input: { adminId: string; proof: DisableBody; ip: string; who: Actor },
): Promise<void> {
  const admin = await getAdmin(ctx, input.adminId);
  if (await ctx.auth.twoFactor.required(ctx.db)) {
    throw conflict('Two-factor is required for every admin: it cannot be turned off');
  }
  if (!(await ctx.auth.twoFactor.isEnabled(ctx.db, admin.id))) throw conflict('Two-factor is not on');
  const { code, password } = input.proof;
  if (code !== undefined) {
    await checkSecondFactor(ctx, { admin, code, ip: input.ip, who: input.who });
  } else {
    await ctx.auth.throttle.attempt({ account: admin.email, ip: input.ip }, async () => {
      const result = await ctx.auth.hasher.verify(admin.passwordHash, password ?? '');
      return result.ok ? admin : null;
    });
  }
  if (!(await ctx.auth.twoFactor.disable(ctx.db, admin.id))) throw unauthenticated();
  await ctx.audit.record(ctx.db, {
    ...input.who,
    action: 'admin.two_factor_disabled',
    entity: 'admin',
    entityId: admin.id,
    changes: { with: code !== undefined ? 'code' : 'password' },
  });
}

export async function setTwoFactorRequirement(
  ctx: Ctx,
  input: { required: boolean; who: Actor },
): Promise<{ required: boolean }> {
  const before = await ctx.auth.twoFactor.required(ctx.db);
  if (before === input.required) return { required: before };
  await ctx.db.transaction(async (tx) => {
    await ctx.auth.twoFactor.setRequired(tx, input.required, input.who.actorId ?? null);
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'admin.two_factor_requirement_changed',
      entity: 'settings',
      entityId: 'two_factor_required',
      changes: { required: [before, input.required] },
    });
  });
  return { required: input.required };
}
