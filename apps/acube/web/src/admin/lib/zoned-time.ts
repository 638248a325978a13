// Days and instants in the organisation's time zone (the site's TIME_ZONE), whatever the
// admin's device says, with Intl alone. A filter "from 3 March to 5 March" means those days
// there: from the first instant of the 3rd to the last of the 5th, in that zone.

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first instant of the day `ymd` (YYYY-MM-DD) in `timeZone`; null for a malformed day. */
export function startOfDayIn(ymd: string, timeZone: string, addDays = 0): Date | null {
  const match = YMD.exec(ymd);
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  if (Number.isNaN(wall)) return null;
  // The offset at the guess, then at the corrected guess (a day that starts at a clock change).
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** The last millisecond of the day `ymd` in `timeZone`. */
export function endOfDayIn(ymd: string, timeZone: string): Date | null {
  const next = startOfDayIn(ymd, timeZone, 1);
  return next && new Date(next.getTime() - 1);
}

const LOCALES: Record<string, string> = { en: 'en-GB', tr: 'tr-TR' };

/** An instant's date and time in the zone, in the language ("3 Mar 2026, 14:05"). */
export function dateTimeIn(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang] ?? lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}
