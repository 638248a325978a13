// An instant as the panel shows it: in the organisation's zone (the site's TIME_ZONE) and the
// page's language, whatever the admin's device says, so every page and list reads the same clock
// as the audit log, the jobs page and the event editor. Until the site's zone has loaded, the
// device's own (the i18n formatter), so nothing is blank.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useCallback } from 'react';
import { useSite } from '../../features/site/site.api.ts';
import { dateTimeIn } from './zoned-time.ts';

export function useZonedDateTime(): (iso: string) => string {
  const { lang, dateTime } = useI18n();
  const timeZone = useSite().data?.time_zone;
  return useCallback(
    (iso: string) => (timeZone ? dateTimeIn(iso, lang, timeZone) : dateTime(iso)),
    [timeZone, lang, dateTime],
  );
}
