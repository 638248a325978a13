// An admin logs in: the login throttle first (per account and per IP; a valid device cookie for
// the account is not held by the account's lockout), then the password (rehashed when its
// parameters are old); a disabled account is refused like a wrong password. With two-factor on
// (or required and not yet set up) the password step answers a short-lived pending token
// instead of a login; otherwise the access token and a new refresh token family.
import type { IssuedRefreshToken } from '@campus/platform/auth';
import type { AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';

export interface AdminSession {
  admin: AdminRow;
  accessToken: string;
  expiresIn: number;
  refresh: Pick<IssuedRefreshToken, 'token' | 'expiresAt'>;
  /** A new device cookie for this browser (a new login, not a refresh). */
  device?: string;
}

export interface SecondFactorChallenge {
  step: 'code' | 'enrol';
  pendingToken: string;
  expiresIn: number;
}

/** The access token for an admin and the refresh token just issued or rotated. */
export async function sessionFor(
  ctx: Pick<AdminsContext, 'auth'>,
  admin: AdminRow,
  issued: IssuedRefreshToken,
): Promise<AdminSession> {
  return {
    admin,
    accessToken: await ctx.auth.access.sign({ sub: admin.id, roles: [admin.role], sid: issued.familyId }),
    expiresIn: ctx.auth.access.ttlSeconds,
    refresh: { token: issued.token, expiresAt: issued.expiresAt },
  };
}

/** A new login (refresh family, access token, device cookie) for an admin who passed every step. */
export async function openSession(
  ctx: Pick<AdminsContext, 'db' | 'auth'>,
  admin: AdminRow,
): Promise<AdminSession> {
  const session = await sessionFor(ctx, admin, await ctx.auth.refresh.issue(ctx.db, admin.id));
  return { ...session, device: await ctx.auth.throttle.deviceCookie(admin.email) };
}

export async function logIn(
  ctx: Pick<AdminsContext, 'db' | 'repo' | 'auth'>,
  input: { email: string; password: string; ip: string; device?: string | undefined },
): Promise<{ session: AdminSession } | { challenge: SecondFactorChallenge }> {
  const admin = await ctx.auth.throttle.attempt(
    { account: input.email, ip: input.ip, device: input.device },
    async () => {
      const found = await ctx.repo.findByEmail(input.email);
      const result = await ctx.auth.hasher.verify(found?.passwordHash, input.password);
      if (!found || !result.ok || found.disabledAt) return null;
      if (result.rehash) await ctx.repo.setPasswordHash(found.id, result.rehash);
      return found;
    },
  );
  const { twoFactor } = ctx.auth;
  const step = (await twoFactor.isEnabled(ctx.db, admin.id))
    ? 'code'
    : (await twoFactor.required(ctx.db))
      ? 'enrol'
      : null;
  if (step === null) return { session: await openSession(ctx, admin) };
  return {
    challenge: {
      step,
      pendingToken: await twoFactor.pendingToken({ sub: admin.id, step }),
      expiresIn: twoFactor.pendingSeconds,
    },
  };
}
