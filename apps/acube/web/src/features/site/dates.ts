// Dates in a time zone with Intl alone: no React here, so the browser tests can use it too.

const LOCALES: Record<string, string> = { en: 'en-GB', tr: 'tr-TR' };

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The zone's name in the language, e.g. "Turkey Time"; the id itself if Intl has none. */
export function zoneName(timeZone: string, lang: string): string {
  try {
    const parts = new Intl.DateTimeFormat(LOCALES[lang] ?? lang, {
      timeZone,
      timeZoneName: 'longGeneric',
    }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
