// A user logs in with school number and password (or the SIS): the login throttle first (a
// valid device cookie for the account is not held by the account's lockout), then the password.
// A teacher or admin with two-factor on (or required and not yet set up) gets a short-lived
// pending token instead of a session; everyone else a session.
import type { AuthContext } from '../auth.context.ts';
import { TWO_FACTOR_ROLES } from '../auth.ts';
import type { UserRow } from '../users.repository.ts';

export interface SecondFactorChallenge {
  step: 'code' | 'enrol';
  pendingToken: string;
  expiresIn: number;
}

export async function logIn(
  ctx: AuthContext,
  input: { schoolNumber: string; password: string; ip: string; device?: string | undefined },
): Promise<{ user: UserRow } | { challenge: SecondFactorChallenge }> {
  const user = await ctx.auth.login(input.schoolNumber, input.password, input.ip, input.device);
  if (!TWO_FACTOR_ROLES.includes(user.role)) return { user };
  const { twoFactor } = ctx.auth;
  const step = (await twoFactor.isEnabled(ctx.db, user.id))
    ? 'code'
    : (await twoFactor.required(ctx.db))
      ? 'enrol'
      : null;
  if (step === null) return { user };
  return {
    challenge: {
      step,
      pendingToken: await twoFactor.pendingToken({ sub: user.id, step }),
      expiresIn: twoFactor.pendingSeconds,
    },
  };
}
