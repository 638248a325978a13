// Rate-limit policies: a name and one or more fixed windows, written like "10/minute;30/hour"
// (also "100/day", "5/second", "20/5 minutes").

export interface RateWindow {
  /** Item name in the IETF fields, e.g. "public-1m". */
  readonly name: string;
  readonly limit: number;
  readonly seconds: number;
  /** Human text for the 429 body, e.g. "10 per 1 minute". */
  readonly text: string;
}

export interface RatePolicy {
  readonly name: string;
  readonly windows: readonly RateWindow[];
}

const UNITS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400 };
const WINDOW = /^(\d+)\s*(?:\/|per)\s*(\d+)?\s*(second|minute|hour|day)s?$/i;

export class PolicySyntaxError extends Error {}

/** Parses "10/minute;30/hour" into windows named after the policy. Throws PolicySyntaxError. */
export function parsePolicy(name: string, text: string): RatePolicy {
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) throw new PolicySyntaxError(`policy "${name}" has no windows`);
  const windows = parts.map((part) => {
    const match = WINDOW.exec(part);
    if (!match) throw new PolicySyntaxError(`"${part}" is not a window like "10/minute"`);
    const limit = Number(match[1]);
    const count = match[2] === undefined ? 1 : Number(match[2]);
    const unit = (match[3] ?? '').toLowerCase();
    const seconds = count * (UNITS[unit] ?? 0);
    if (limit < 1 || seconds < 1)
      throw new PolicySyntaxError(`"${part}" needs a limit and a length of at least 1`);
    return {
      name: `${name}-${shortDuration(seconds)}`,
      limit,
      seconds,
      text: `${limit} per ${count} ${unit}${count === 1 ? '' : 's'}`,
    };
  });
  const names = new Set(windows.map((w) => w.seconds));
  if (names.size !== windows.length) throw new PolicySyntaxError(`policy "${name}" repeats a window length`);
  return { name, windows };
}

/** True when the text parses as windows; for config validation. */
export function isPolicyText(text: string): boolean {
  try {
    parsePolicy('x', text);
    return true;
  } catch {
    return false;
  }
}

function shortDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
