// The second step of a login with two-factor: the pending token from the password step and a
// code (or a recovery code, spent and audited), under the login throttle keyed by the account;
// or, where 2FA is required and not set up yet, enrolment right there: nothing else is open to
// the admin until a first code confirms it.
import type { TotpEnrolment } from '@campus/platform/auth';
import { unauthenticated } from '@campus/platform/errors';
import type { Actor, AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';
import { type AdminSession, openSession } from './log-in.ts';

type Ctx = Pick<AdminsContext, 'db' | 'repo' | 'auth' | 'audit'>;

async function pendingAdmin(ctx: Ctx, token: string, step: 'code' | 'enrol'): Promise<AdminRow> {
  const pending = await ctx.auth.twoFactor.readPending(token, step);
  const admin = pending ? await ctx.repo.findById(pending.sub) : undefined;
  if (!admin || admin.disabledAt) throw unauthenticated('This login has expired: log in again');
  return admin;
}

/** Checks a code for an admin under the throttle (per account and IP); audits a recovery code. */
export async function checkSecondFactor(
  ctx: Ctx,
  input: { admin: AdminRow; code: string; ip: string; who: Actor },
): Promise<void> {
  const { admin } = input;
  const used = await ctx.auth.throttle.attempt({ account: `2fa:${admin.id}`, ip: input.ip }, () =>
    ctx.auth.twoFactor.verify(ctx.db, admin.id, input.code),
  );
  if (used === 'recovery') {
    const { recoveryCodesLeft } = await ctx.auth.twoFactor.status(ctx.db, admin.id);
    await ctx.audit.record(ctx.db, {
      ...input.who,
      actorId: admin.id,
      action: 'admin.two_factor_recovery_code_used',
      entity: 'admin',
      entityId: admin.id,
      changes: { recovery_codes_left: recoveryCodesLeft },
    });
  }
}

export async function logInWithCode(
  ctx: Ctx,
  input: { pendingToken: string; code: string; ip: string; who: Actor },
): Promise<AdminSession> {
  const admin = await pendingAdmin(ctx, input.pendingToken, 'code');
  await checkSecondFactor(ctx, { admin, code: input.code, ip: input.ip, who: input.who });
  return openSession(ctx, admin);
}

export async function beginEnrolmentAtLogin(
  ctx: Ctx,
  input: { pendingToken: string },
): Promise<TotpEnrolment> {
  const admin = await pendingAdmin(ctx, input.pendingToken, 'enrol');
  const enrolment = await ctx.auth.twoFactor.begin(ctx.db, admin.id, admin.email);
  if (!enrolment) throw unauthenticated('Two-factor is already on: log in again with a code');
  return enrolment;
}

export async function confirmEnrolmentAtLogin(
  ctx: Ctx,
  input: { pendingToken: string; code: string; ip: string; who: Actor },
): Promise<{ session: AdminSession; recoveryCodes: string[] }> {
  const admin = await pendingAdmin(ctx, input.pendingToken, 'enrol');
  const recoveryCodes = await confirmEnrolment(ctx, {
    admin,
    code: input.code,
    ip: input.ip,
    who: input.who,
  });
  return { session: await openSession(ctx, admin), recoveryCodes };
}

/** Turns an enrolment on with its first code (throttled); audited; answers the recovery codes. */
export async function confirmEnrolment(
  ctx: Ctx,
  input: { admin: AdminRow; code: string; ip: string; who: Actor },
): Promise<string[]> {
  const { admin } = input;
  const codes = await ctx.auth.throttle.attempt({ account: `2fa:${admin.id}`, ip: input.ip }, () =>
    ctx.auth.twoFactor.confirm(ctx.db, admin.id, input.code),
  );
  await ctx.audit.record(ctx.db, {
    ...input.who,
    actorId: admin.id,
    action: 'admin.two_factor_enabled',
    entity: 'admin',
    entityId: admin.id,
  });
  return codes;
}
