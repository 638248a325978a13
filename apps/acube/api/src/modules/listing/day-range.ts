// A calendar day in the organisation's time zone as instants: what `created_from` and
// `created_to` (YYYY-MM-DD, inclusive) mean. Staff in Istanbul asking for "the 1st" mean their
// midnight, not UTC's.

/** The zone's offset from UTC at an instant, in milliseconds (Istanbul: +3 h). */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The first instant of the day `ymd` (YYYY-MM-DD) in `zone`. */
export function startOfDayIn(ymd: string, zone: string): Date {
  const [y = 0, m = 1, d = 1] = ymd.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  // The offset at the guess, then once more at the answer: right across a DST change too.
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  return new Date(instant);
}

/** The day after `ymd`, as YYYY-MM-DD. */
export function nextDay(ymd: string): string {
  const [y = 0, m = 1, d = 1] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * `from` and `to` (inclusive days) as a half-open range of instants: created_at >= start and
 * created_at < end.
 */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
  zone: string,
): { start?: Date; end?: Date } {
  return {
    ...(from ? { start: startOfDayIn(from, zone) } : {}),
    ...(to ? { end: startOfDayIn(nextDay(to), zone) } : {}),
  };
}
