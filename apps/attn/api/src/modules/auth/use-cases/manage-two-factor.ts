// A teacher's or admin's own two-factor (status, enrolment, disabling with a current code or the
// password), and the admin's switch that makes it required for every teacher and admin: turning
// it on ends the sessions of those without it, who enrol at their next login. Audited.
import type { TotpEnrolment, TwoFactorState } from '@campus/platform/auth';
import { conflict, unauthenticated } from '@campus/platform/errors';
import type { Actor, AuthContext } from '../auth.context.ts';
import { TWO_FACTOR_ROLES } from '../auth.ts';
import type { UserRow } from '../users.repository.ts';
import { checkSecondFactor, confirmEnrolment } from './two-factor-login.ts';

async function getUser(ctx: AuthContext, id: string): Promise<UserRow> {
  const user = await ctx.auth.users.findById(id);
  if (!user || user.disabledAt) throw unauthenticated();
  return user;
}

export async function getTwoFactorStatus(
  ctx: AuthContext,
  input: { userId: string },
): Promise<TwoFactorState & { required: boolean }> {
  const status = await ctx.auth.twoFactor.status(ctx.db, input.userId);
  return { ...status, required: await ctx.auth.twoFactor.required(ctx.db) };
}

export async function beginEnrolment(ctx: AuthContext, input: { userId: string }): Promise<TotpEnrolment> {
  const user = await getUser(ctx, input.userId);
  const enrolment = await ctx.auth.twoFactor.begin(ctx.db, user.id, user.schoolNumber);
  if (!enrolment) throw conflict('Two-factor is already on: turn it off first to set up another app');
  return enrolment;
}

export async function confirmOwnEnrolment(
  ctx: AuthContext,
  input: { userId: string; code: string; ip: string; who: Actor },
): Promise<string[]> {
  return confirmEnrolment(ctx, { ...input, user: await getUser(ctx, input.userId) });
}

export async function disableTwoFactor(
  ctx: AuthContext,
  input: { userId: string; proof: { code?: string; password?: string }; ip: string; who: Actor },
): Promise<void> {
  const user = await getUser(ctx, input.userId);
  if (await ctx.auth.twoFactor.required(ctx.db)) {
    throw conflict('Two-factor is required for every teacher and admin: it cannot be turned off');
  }
  if (!(await ctx.auth.twoFactor.isEnabled(ctx.db, user.id))) throw conflict('Two-factor is not on');
  const { code, password } = input.proof;
  if (code !== undefined) {
    await checkSecondFactor(ctx, { user, code, ip: input.ip, who: input.who });
  } else {
    await ctx.auth.login(user.schoolNumber, password ?? '', input.ip);
  }
  if (!(await ctx.auth.twoFactor.disable(ctx.db, user.id))) throw unauthenticated();
  await ctx.audit.record(ctx.db, {
    ...input.who,
    action: 'user.two_factor_disabled',
    entity: 'user',
    entityId: user.id,
    changes: { with: code !== undefined ? 'code' : 'password' },
  });
}

export async function setTwoFactorRequirement(
  ctx: AuthContext,
  input: { required: boolean; who: Actor },
): Promise<{ required: boolean }> {
  const { twoFactor, users, sessions } = ctx.auth;
  const before = await twoFactor.required(ctx.db);
  if (before === input.required) return { required: before };
  const revoked: string[] = [];
  await ctx.db.transaction(async (tx) => {
    await twoFactor.setRequired(tx, input.required, input.who.actorId ?? null);
    if (input.required) {
      for (const id of await users.listIdsWithRoles(TWO_FACTOR_ROLES, tx)) {
        if (await twoFactor.isEnabled(tx, id)) continue;
        await sessions.revokeSubject(tx, id);
        revoked.push(id);
      }
    }
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'settings.two_factor_requirement_changed',
      entity: 'settings',
      entityId: 'two_factor_required',
      changes: { required: [before, input.required] },
    });
  });
  for (const subject of revoked) ctx.auth.principals.forget({ subject });
  return { required: input.required };
}
