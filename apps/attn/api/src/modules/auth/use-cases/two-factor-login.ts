// The second step of a teacher's or admin's login with two-factor: the pending token from the
// password step and a code (or a recovery code, spent and audited), under the login throttle
// keyed by the account; or, where 2FA is required and not set up yet, enrolment right there:
// no session opens until a first code confirms it.
import type { TotpEnrolment } from '@campus/platform/auth';
import { unauthenticated } from '@campus/platform/errors';
import type { Actor, AuthContext } from '../auth.context.ts';
import { TWO_FACTOR_ROLES } from '../auth.ts';
import type { UserRow } from '../users.repository.ts';

async function pendingUser(ctx: AuthContext, token: string, step: 'code' | 'enrol'): Promise<UserRow> {
  const pending = await ctx.auth.twoFactor.readPending(token, step);
  const user = pending ? await ctx.auth.users.findById(pending.sub) : undefined;
  if (!user || user.disabledAt || !TWO_FACTOR_ROLES.includes(user.role)) {
    throw unauthenticated('This login has expired: log in again');
  }
  return user;
}

/** Checks a code for a user under the throttle (per account and IP); audits a recovery code. */
export async function checkSecondFactor(
  ctx: AuthContext,
  input: { user: UserRow; code: string; ip: string; who: Actor },
): Promise<void> {
  const { user } = input;
  const used = await ctx.auth.throttle.attempt({ account: `2fa:${user.id}`, ip: input.ip }, () =>
    ctx.auth.twoFactor.verify(ctx.db, user.id, input.code),
  );
  if (used === 'recovery') {
    const { recoveryCodesLeft } = await ctx.auth.twoFactor.status(ctx.db, user.id);
    await ctx.audit.record(ctx.db, {
      ...input.who,
      actorId: user.schoolNumber,
      action: 'user.two_factor_recovery_code_used',
      entity: 'user',
      entityId: user.id,
      changes: { recovery_codes_left: recoveryCodesLeft },
    });
  }
}

/** Turns an enrolment on with its first code (throttled); audited; answers the recovery codes. */
export async function confirmEnrolment(
  ctx: AuthContext,
  input: { user: UserRow; code: string; ip: string; who: Actor },
): Promise<string[]> {
  const { user } = input;
  const codes = await ctx.auth.throttle.attempt({ account: `2fa:${user.id}`, ip: input.ip }, () =>
    ctx.auth.twoFactor.confirm(ctx.db, user.id, input.code),
  );
  await ctx.audit.record(ctx.db, {
    ...input.who,
    actorId: user.schoolNumber,
    action: 'user.two_factor_enabled',
    entity: 'user',
    entityId: user.id,
  });
  return codes;
}

export async function logInWithCode(
  ctx: AuthContext,
  input: { pendingToken: string; code: string; ip: string; who: Actor },
): Promise<UserRow> {
  const user = await pendingUser(ctx, input.pendingToken, 'code');
  await checkSecondFactor(ctx, { user, code: input.code, ip: input.ip, who: input.who });
  return user;
}

export async function beginEnrolmentAtLogin(
  ctx: AuthContext,
  input: { pendingToken: string },
): Promise<TotpEnrolment> {
  const user = await pendingUser(ctx, input.pendingToken, 'enrol');
  const enrolment = await ctx.auth.twoFactor.begin(ctx.db, user.id, user.schoolNumber);
  if (!enrolment) throw unauthenticated('Two-factor is already on: log in again with a code');
  return enrolment;
}

export async function confirmEnrolmentAtLogin(
  ctx: AuthContext,
  input: { pendingToken: string; code: string; ip: string; who: Actor },
): Promise<{ user: UserRow; recoveryCodes: string[] }> {
  const user = await pendingUser(ctx, input.pendingToken, 'enrol');
  const recoveryCodes = await confirmEnrolment(ctx, { user, code: input.code, ip: input.ip, who: input.who });
  return { user, recoveryCodes };
}
