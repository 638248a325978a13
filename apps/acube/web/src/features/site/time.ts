// Dates and times in the organisation's time zone, whatever the visitor's device says, with
// the zone named beside them ("Turkey Time (Europe/Istanbul)").
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { todayIn, zoneName } from './dates.ts';
import { useSite } from './site.api.ts';

export function useOrgTime() {
  const { t, date, time, lang } = useI18n();
  const timeZone = useSite().data?.time_zone ?? 'UTC';
  const zone = zoneName(timeZone, lang);
  return {
    timeZone,
    /** "Times are in Turkey Time (Europe/Istanbul)". */
    zoneText: t('common.timeZone', { zone, id: timeZone }),
    /** An instant's date, in the organisation's zone. */
    day: (iso: string) => date(iso, { dateStyle: 'full', timeZone }),
    /** An instant's time of day, in the organisation's zone. */
    clock: (iso: string) => time(iso, { timeStyle: 'short', timeZone }),
    /** A calendar date (YYYY-MM-DD) as words; it has no zone of its own. */
    calendarDay: (ymd: string) => date(`${ymd}T12:00:00Z`, { dateStyle: 'full', timeZone: 'UTC' }),
    today: () => todayIn(timeZone),
  };
}
