// The SIS settings, read by loadAttnConfig with the platform's. Without SIS_URL there is no SIS:
// passwords are checked locally only and no sync is scheduled.
import type { ExtraValues } from '@campus/platform/config';
import { int, type SettingSpec, str, url } from '@campus/platform/config';

/** Five cron fields (UTC), as pg-boss's schedules take them. */
const cron: SettingSpec<string> = {
  fallback: '7,37 * * * *',
  parse: (raw) =>
    raw.trim().split(/\s+/).length === 5 && /^[\d*/,\- ]+$/.test(raw.trim())
      ? { ok: true, value: raw.trim() }
      : { ok: false, problem: 'must be five cron fields like "7,37 * * * *"' },
};

export const sisSettings = {
  SIS_URL: url(['http:', 'https:']),
  /** Bearer token ATTN presents to the SIS (SIS_TOKEN or SIS_TOKEN_FILE). */
  SIS_TOKEN: str({ secret: true }),
  /** How long one request to the SIS may take; a login waits at most this long for it. */
  SIS_TIMEOUT_MS: int({ fallback: '3000', min: 50, max: 60_000 }),
  SIS_SYNC_CRON: cron,
  /** Consecutive failed calls that open the circuit (calls then fail at once). */
  SIS_BREAKER_FAILURES: int({ fallback: '5', min: 1, max: 1000 }),
  /** How long the circuit stays open before one trial call is let through. */
  SIS_BREAKER_HALF_OPEN_MS: int({ fallback: '10000', min: 50, max: 3_600_000 }),
};

export interface SisConfig {
  readonly url: string;
  readonly token: string | undefined;
  readonly timeoutMs: number;
  readonly syncCron: string;
  readonly breakerFailures: number;
  readonly halfOpenAfterMs: number;
}

/** The typed SIS settings, or undefined when SIS_URL is unset. */
export function sisConfigFrom(extra: ExtraValues<typeof sisSettings>): SisConfig | undefined {
  if (!extra.SIS_URL) return undefined;
  return {
    url: extra.SIS_URL.replace(/\/+$/, ''),
    token: extra.SIS_TOKEN,
    timeoutMs: extra.SIS_TIMEOUT_MS ?? 3000,
    syncCron: extra.SIS_SYNC_CRON ?? '7,37 * * * *',
    breakerFailures: extra.SIS_BREAKER_FAILURES ?? 5,
    halfOpenAfterMs: extra.SIS_BREAKER_HALF_OPEN_MS ?? 10_000,
  };
}
