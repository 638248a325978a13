// The settings that keep the public forms from being turned against anyone: the bot check
// (BOT_CHECK, BOT_CHECK_COMPLEXITY, BOT_CHECK_EXPIRES_SECONDS) and the cap on the mail one
// address gets from the forms in a day (PUBLIC_MAIL_PER_ADDRESS_PER_DAY). Parsed at boot with
// the platform's settings, so a bad value stops the process with the other problems.
import { int, oneOf } from '@campus/platform/config';

export interface AbuseSettings {
  /** BOT_CHECK=on|off: whether the public forms ask for a solved proof-of-work challenge. */
  readonly botCheck: boolean;
  /** The highest number a solver may have to try (ALTCHA's maxnumber): about half of it on average. */
  readonly botCheckComplexity: number;
  /** How long a challenge may be solved and used for. */
  readonly botCheckExpiresSeconds: number;
  /** Mails the public forms may cause to one address in one day (TIME_ZONE's day); more are not sent. */
  readonly publicMailPerAddressPerDay: number;
}

export const abuseSettings = {
  BOT_CHECK: oneOf(['on', 'off'] as const, { fallback: 'on' }),
  BOT_CHECK_COMPLEXITY: int({ fallback: '50000', min: 100, max: 10_000_000 }),
  BOT_CHECK_EXPIRES_SECONDS: int({ fallback: '600', min: 30, max: 3600 }),
  PUBLIC_MAIL_PER_ADDRESS_PER_DAY: int({ fallback: '5', min: 1, max: 1000 }),
};

type Values = {
  readonly BOT_CHECK: 'on' | 'off' | undefined;
  readonly BOT_CHECK_COMPLEXITY: number | undefined;
  readonly BOT_CHECK_EXPIRES_SECONDS: number | undefined;
  readonly PUBLIC_MAIL_PER_ADDRESS_PER_DAY: number | undefined;
};

export function abuseSettingsFrom(extra: Values): AbuseSettings {
  return {
    botCheck: (extra.BOT_CHECK ?? 'on') === 'on',
    botCheckComplexity: extra.BOT_CHECK_COMPLEXITY ?? 50_000,
    botCheckExpiresSeconds: extra.BOT_CHECK_EXPIRES_SECONDS ?? 600,
    publicMailPerAddressPerDay: extra.PUBLIC_MAIL_PER_ADDRESS_PER_DAY ?? 5,
  };
}
