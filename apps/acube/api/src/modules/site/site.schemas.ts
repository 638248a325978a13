// What the public pages read once on load: the organisation's time zone, the urgent-help text,
// where "Exit this page" goes, the privacy notice version a booking must name, the session types.
import { type Static, Type } from 'typebox';
import { sessionTypes } from '../../db/schema/bookings.ts';
import type { SiteSettings } from './site.settings.ts';

export const SiteResponse = Type.Object(
  {
    time_zone: Type.String({ description: 'IANA time zone, e.g. Europe/Istanbul' }),
    urgent_help: Type.String({ description: 'plain text shown on every public page' }),
    quick_exit_url: Type.String({ description: 'where "Exit this page" goes' }),
    privacy_notice_version: Type.String({ description: 'a booking sends this back with its consent' }),
    session_types: Type.Array(Type.String()),
  },
  { $id: 'Site', title: 'Site' },
);
export type SiteResponse = Static<typeof SiteResponse>;

export const toSiteResponse = (s: SiteSettings): SiteResponse => ({
  time_zone: s.timeZone,
  urgent_help: s.urgentHelp,
  quick_exit_url: s.quickExitUrl,
  privacy_notice_version: s.privacyNoticeVersion,
  session_types: [...sessionTypes],
});
