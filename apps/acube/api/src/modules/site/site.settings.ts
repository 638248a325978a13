// The settings the public pages need (TIME_ZONE, URGENT_HELP_TEXT, QUICK_EXIT_URL,
// PRIVACY_NOTICE_VERSION): parsed and checked at boot with the platform's settings, so a wrong
// zone or exit address stops the process with the other problems rather than reaching a page.
import type { SettingSpec } from '@campus/platform/config';
import { url } from '@campus/platform/config';

export interface SiteSettings {
  /** IANA time zone the organisation works in; dates and times people pick are in it. */
  readonly timeZone: string;
  /** Shown on every public page: where to get help now. */
  readonly urgentHelp: string;
  /** Where "Exit this page" goes: a neutral public site. */
  readonly quickExitUrl: string;
  /** The privacy notice people see now; a booking must name this one. */
  readonly privacyNoticeVersion: string;
}

export const DEFAULT_URGENT_HELP =
  'If you or someone else is in danger now, call 112. If you need to talk to someone today, ' +
  'call a crisis line: they listen, day and night. This site cannot answer in an emergency.';

/**
 * An IANA zone name that this Node knows, in its canonical spelling ('europe/istanbul' gives
 * 'Europe/Istanbul'); undefined for anything else, abbreviations such as EST included.
 */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!zone.includes('/') && zone.toUpperCase() !== 'UTC') return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const fail = (problem: string) => ({ ok: false as const, problem });

export const siteSettings = {
  TIME_ZONE: {
    fallback: 'Europe/Istanbul',
    parse: (raw: string) => {
      const zone = canonicalTimeZone(raw.trim());
      return zone
        ? { ok: true as const, value: zone }
        : fail('must be an IANA time zone such as Europe/Istanbul');
    },
  } satisfies SettingSpec<string>,
  URGENT_HELP_TEXT: {
    fallback: DEFAULT_URGENT_HELP,
    parse: (raw: string) =>
      raw.trim().length > 0 && raw.length <= 1000
        ? { ok: true as const, value: raw.trim() }
        : fail('must be 1 to 1000 characters of plain text'),
  } satisfies SettingSpec<string>,
  QUICK_EXIT_URL: url(['http:', 'https:'], { fallback: 'https://www.bbc.co.uk/weather' }),
  PRIVACY_NOTICE_VERSION: {
    fallback: '2026-11',
    parse: (raw: string) =>
      /^[A-Za-z0-9._-]{1,40}$/.test(raw.trim())
        ? { ok: true as const, value: raw.trim() }
        : fail('must be 1-40 of A-Z a-z 0-9 . _ -, e.g. 2026-11'),
  } satisfies SettingSpec<string>,
};

type Values = { readonly [K in keyof typeof siteSettings]: string | undefined };

export function siteSettingsFrom(extra: Values): SiteSettings {
  return {
    timeZone: extra.TIME_ZONE ?? siteSettings.TIME_ZONE.fallback,
    urgentHelp: extra.URGENT_HELP_TEXT ?? DEFAULT_URGENT_HELP,
    quickExitUrl: extra.QUICK_EXIT_URL ?? 'https://www.bbc.co.uk/weather',
    privacyNoticeVersion: extra.PRIVACY_NOTICE_VERSION ?? siteSettings.PRIVACY_NOTICE_VERSION.fallback,
  };
}
