// Two-factor in integration tests, for real: the codes are computed from the secret the app's API
// gave, and a factor is taken away or the requirement switched through the platform's own
// TwoFactor service, as the apps' routes do. A code is spent once per 30 s step, so each one is
// taken a step later on the app's test clock.
import { TwoFactor, totpCodeAt } from '../auth/two-factor.ts';
import type { TestClock } from '../clock/clock.ts';
import type { Db } from '../db/database.ts';
import { testConfig } from './test-config.ts';

export function twoFactorTesting(db: Db, clock: TestClock) {
  // Turning off and the requirement use neither the app's keys nor its issuer name.
  const twoFactor = new TwoFactor({ appSecret: testConfig().appSecret, issuer: 'test', clock });
  let required: boolean | undefined;
  return {
    /** The code for `secret` one 30 s step on from now (the clock moves on a step). */
    nextCode(secret: string): string {
      clock.advance(30_000);
      return totpCodeAt(secret, clock.nowMs());
    },
    /** Two-factor off for one account: its factor and recovery codes gone. */
    async off(subject: string): Promise<void> {
      await twoFactor.disable(db, subject);
    },
    /** The admins' switch that requires two-factor of every account it applies to. */
    async require(on: boolean): Promise<void> {
      if (on === required) return;
      await twoFactor.setRequired(db, on, null);
      required = on;
    },
  };
}
