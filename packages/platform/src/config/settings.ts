// Small typed parsers for environment settings. Each turns a raw string into a value or a
// problem message; loadConfig collects every problem before it fails.
import { isIP } from 'node:net';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface SettingSpec<T> {
  /** Read from `<NAME>_FILE` too, and never echo the value in a message. */
  secret?: boolean;
  /** Used when the variable is unset or empty; undefined makes the setting optional. */
  fallback?: string;
  parse(raw: string): Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

export function str(
  opts: { fallback?: string; secret?: boolean; minLength?: number } = {},
): SettingSpec<string> {
  return {
    ...opts,
    parse: (raw) =>
      raw.length >= (opts.minLength ?? 1)
        ? ok(raw)
        : fail(`must be at least ${opts.minLength ?? 1} characters`),
  };
}

export function int(opts: { fallback?: string; min?: number; max?: number } = {}): SettingSpec<number> {
  const min = opts.min ?? Number.MIN_SAFE_INTEGER;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  return {
    ...opts,
    parse: (raw) => {
      const value = Number(raw);
      if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
        return fail(`must be an integer between ${min} and ${max}`);
      }
      return ok(value);
    },
  };
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

export function bool(opts: { fallback?: string } = {}): SettingSpec<boolean> {
  return {
    ...opts,
    parse: (raw) => {
      const lower = raw.trim().toLowerCase();
      if (TRUE.includes(lower)) return ok(true);
      if (FALSE.includes(lower)) return ok(false);
      return fail('must be true or false');
    },
  };
}

export function oneOf<const T extends string>(
  values: readonly T[],
  opts: { fallback?: T } = {},
): SettingSpec<T> {
  return {
    ...opts,
    parse: (raw) =>
      (values as readonly string[]).includes(raw)
        ? ok(raw as T)
        : fail(`must be one of ${values.join(', ')}`),
  };
}

export function url(
  protocols: string[],
  opts: { fallback?: string; secret?: boolean } = {},
): SettingSpec<string> {
  return {
    ...opts,
    parse: (raw) => {
      let parsed: URL;
      try {
        parsed = new URL(raw);
      } catch {
        return fail(`must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
      if (!protocols.includes(parsed.protocol) || !parsed.hostname) {
        return fail(`must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
      return ok(raw);
    },
  };
}

export function list(
  opts: { fallback?: string; item?: (entry: string) => string | undefined } = {},
): SettingSpec<string[]> {
  return {
    fallback: opts.fallback,
    parse: (raw) => {
      const entries = raw
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of entries) {
        const problem = opts.item?.(entry);
        if (problem) return fail(problem);
      }
      return ok(entries);
    },
  };
}

/** An IP address or a CIDR block such as 10.0.0.0/8 or fd00::/8. */
export function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (version === 4 ? 32 : 128);
}

/** An origin as a browser sends it (`https://host[:port]`), or `*`. */
export function originProblem(entry: string): string | undefined {
  if (entry === '*') return undefined;
  try {
    const parsed = new URL(entry);
    if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === entry)
      return undefined;
  } catch {
    // reported below
  }
  return `"${entry}" is not an origin like https://example.org`;
}

/** What an app-specific setting parses to: undefined when unset and without a fallback. */
export type SpecValue<S> = S extends SettingSpec<infer T> ? T | undefined : never;
