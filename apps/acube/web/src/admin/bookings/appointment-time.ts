// An appointment's wall-clock date and time in the organisation's zone, to and from the instant
// the API takes (UTC), with Intl alone, whatever the admin's device zone is.

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
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return wall - Math.floor(instant / 60_000) * 60_000;
}

/** "2026-12-01" and "14:00" in `timeZone` → the instant, as ISO; null when either is malformed. */
export function instantIn(day: string, clock: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const c = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!d || !c) return null;
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], c[1], c[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  const back = new Date(wall);
  // No rolling over: 2026-13-01 or 25:00 is not a time.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== da || h > 23 || mi > 59) return null;
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An instant as the date and time fields show it in `timeZone`. */
export function wallClockIn(iso: string, timeZone: string): { day: string; clock: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, clock: `${get('hour')}:${get('minute')}` };
}
