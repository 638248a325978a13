// An admin logs in: the login throttle first (per account and per IP), then the password
// (rehashed when its parameters are old); a disabled account is refused like a wrong password.
// Answers the access token and a new refresh token family; the route sets the cookie.
import type { IssuedRefreshToken } from '@campus/platform/auth';
import type { AdminsContext } from '../admins.context.ts';
import type { AdminRow } from '../admins.repository.ts';

export interface AdminSession {
  admin: AdminRow;
  accessToken: string;
  expiresIn: number;
  refresh: Pick<IssuedRefreshToken, 'token' | 'expiresAt'>;
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

export async function logIn(
  ctx: Pick<AdminsContext, 'db' | 'repo' | 'auth'>,
  input: { email: string; password: string; ip: string },
): Promise<AdminSession> {
  const admin = await ctx.auth.throttle.attempt({ account: input.email, ip: input.ip }, async () => {
    const found = await ctx.repo.findByEmail(input.email);
    const result = await ctx.auth.hasher.verify(found?.passwordHash, input.password);
    if (!found || !result.ok || found.disabledAt) return null;
    if (result.rehash) await ctx.repo.setPasswordHash(found.id, result.rehash);
    return found;
  });
  return sessionFor(ctx, admin, await ctx.auth.refresh.issue(ctx.db, admin.id));
}
