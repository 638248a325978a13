// Valid values from the JSON Schemas in an OpenAPI document (what Fastify's swagger makes of the
// TypeBox route schemas): enough of JSON Schema for them (types, enum/const, anyOf/oneOf,
// formats, lengths, bounds, patterns, required and optional properties, $ref).
import type { Random } from './prng.ts';

export type Schema = Record<string, unknown>;

export interface SampleOptions {
  random: Random;
  /** Dates and date-times are drawn from the days after this instant. */
  now: Date;
  /** Resolves `$ref` (default: none may appear). */
  resolve?: (ref: string) => Schema | undefined;
  /** Every optional property too (for walking every text field). */
  allProperties?: boolean;
  /** No optional property (the smallest valid request); otherwise each is a coin toss. */
  requiredOnly?: boolean;
}

// Text a valid request may well hold: letters of several scripts, Turkish among them.
const WORDS = [
  'ada',
  'İstanbul',
  'ılık',
  'Şule',
  'çiğdem',
  'Ömer',
  'José',
  'Zoë',
  'نور',
  'שלום',
  'test',
  'kedi',
  '東京',
];

/** Strings tried, in order, against a pattern the generator does not otherwise know. */
const PATTERN_CANDIDATES = [
  '10:30',
  'abc',
  'a_b-1',
  'A1',
  '2026-01-01',
  'x',
  '1',
  'aaaaaaaa',
  'abc@example.org',
];

function day(now: Date, offsetDays: number): Date {
  return new Date(now.getTime() + offsetDays * 86_400_000);
}

function uuid(random: Random): string {
  const hex = () => random.int(0, 15).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${random.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
}

function text(random: Random, min: number, max: number): string {
  let out = random.pick(WORDS);
  while (out.length < min) out += ` ${random.pick(WORDS)}`;
  if (out.length > max) out = out.slice(0, max);
  // A cut may leave half a surrogate pair: never in a valid value.
  if (!out.isWellFormed()) out = out.slice(0, -1);
  while (out.length < min) out += 'a';
  return out;
}

function stringValue(schema: Schema, opts: SampleOptions): string {
  const { random, now } = opts;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Math.max(min, 24);
  switch (schema.format) {
    case 'email':
      return `fuzz.${random.int(1, 1_000_000)}@example.org`;
    case 'uuid':
      return uuid(random);
    case 'date':
      return day(now, random.int(1, 30)).toISOString().slice(0, 10);
    case 'date-time':
      return day(now, random.int(1, 30)).toISOString();
    case 'time':
      return '10:30:00Z';
    case 'uri':
    case 'url':
      return 'https://example.org/fuzz';
  }
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern, 'u');
    const found = PATTERN_CANDIDATES.find((c) => pattern.test(c) && c.length >= min && c.length <= max);
    if (found !== undefined) return found;
  }
  return text(random, Math.max(min, 1), Math.min(max, Math.max(min, 1) + 16));
}

function numberValue(schema: Schema, opts: SampleOptions, integer: boolean): number {
  const lo =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + 1
        : 1;
  const hi =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - 1
        : Math.max(lo, 1) + 50;
  const top = Math.min(hi, lo + 50);
  return integer ? opts.random.int(Math.ceil(lo), Math.floor(top)) : lo + opts.random.next() * (top - lo);
}

const isNull = (s: Schema) => s.type === 'null';

/** A value the schema accepts. */
export function sample(schema: Schema | undefined, opts: SampleOptions, depth = 0): unknown {
  if (!schema || depth > 12) return undefined;
  if (typeof schema.$ref === 'string') return sample(opts.resolve?.(schema.$ref), opts, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return opts.random.pick(schema.enum);
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches)) {
    const usable = branches.filter((b) => !isNull(b));
    return sample(opts.random.pick(usable.length > 0 ? usable : branches), opts, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return sample(Object.assign({}, ...(schema.allOf as Schema[])), opts, depth + 1);
  }
  let type = schema.type;
  if (Array.isArray(type)) type = type.find((t) => t !== 'null') ?? 'null';
  if (type === undefined && schema.properties) type = 'object';
  switch (type) {
    case 'string':
      return stringValue(schema, opts);
    case 'integer':
      return numberValue(schema, opts, true);
    case 'number':
      return numberValue(schema, opts, false);
    case 'boolean':
      return opts.random.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : min + 2;
      const count = opts.random.int(Math.max(min, 1), Math.max(Math.min(max, min + 2), Math.max(min, 1)));
      return Array.from({ length: Math.min(count, max) }, () =>
        sample(schema.items as Schema, opts, depth + 1),
      );
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(properties)) {
        if (required.has(name) || opts.allProperties || (!opts.requiredOnly && opts.random.chance(0.5))) {
          out[name] = sample(property, opts, depth + 1);
        }
      }
      for (const name of Object.keys(properties)) {
        if (Object.keys(out).length >= minProperties) break;
        if (!(name in out)) out[name] = sample(properties[name], opts, depth + 1);
      }
      return out;
    }
    default:
      return opts.random.chance(0.5) ? text(opts.random, 1, 8) : opts.random.int(1, 9);
  }
}

export type Path = (string | number)[];

/** Every leaf of a JSON value with its path (strings, numbers, booleans, nulls). */
export function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return path.length === 0 ? [] : [{ path, value }];
}

/** A deep copy of `value` with the value at `path` replaced (or removed when `replacement` is REMOVE). */
export const REMOVE = Symbol('remove');
export function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return replacement;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}
