// Two-factor in integration tests, for real: the codes are computed from the secret the app's API
// gave, and a factor is taken away or the requirement switched in the platform's own tables
// (auth_second_factors, auth_recovery_codes, auth_settings). A code is spent once per 30 s
// step, so each one is taken a step later on the app's test clock.
import { sql } from 'drizzle-orm';
import { totpCodeAt } from '../auth/two-factor.ts';
import type { TestClock } from '../clock/clock.ts';
import type { Db } from '../db/database.ts';

export function twoFactorTesting(db: Db, clock: TestClock) {
  let required: boolean | undefined;
  return {
    /** The code for `secret` one 30 s step on from now (the clock moves on a step). */
    nextCode(secret: string): string {
      clock.advance(30_000);
      return totpCodeAt(secret, clock.nowMs());
    },
    /** Two-factor off for one account: its factor and recovery codes gone. */
    async off(subject: string): Promise<void> {
      await db.execute(sql`delete from auth_second_factors where subject = ${subject}`);
      await db.execute(sql`delete from auth_recovery_codes where subject = ${subject}`);
    },
    /** The admins' switch that requires two-factor of every account it applies to. */
    async require(on: boolean): Promise<void> {
      if (on === required) return;
      await db.execute(sql`insert into auth_settings (key, value, updated_at)
        values ('two_factor_required', ${JSON.stringify(on)}::jsonb, now())
        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
      required = on;
    },
  };
}
