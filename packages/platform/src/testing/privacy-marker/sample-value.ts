// Valid request bodies with the marker in every free-text field, from an operation's JSON schema.
import { randomUUID } from 'node:crypto';

/** The parts of a JSON schema (as in the OpenAPI document) that sampleValue reads. */
export type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
};

/** Strings tried, in order, for a field whose pattern the marker alone does not match. */
const PATTERN_TRIES = (marker: string) => [
  marker,
  `${marker} text`,
  '+90 555 123 45 67',
  '05551234567',
  '+905551234567',
  '10:00',
  '2030-01-15',
  'abc',
  'ABC123',
  '123456',
  'a',
];

function withinLength(value: string, s: Schema): string | undefined {
  let v = value;
  if (s.minLength !== undefined && v.length < s.minLength) v = v.padEnd(s.minLength, ' x');
  if (s.maxLength !== undefined && v.length > s.maxLength) return undefined;
  return v;
}

function sampleString(s: Schema, marker: string): string {
  const day = new Date(Date.now() + 14 * 86_400_000);
  switch (s.format) {
    case 'email':
      return `${marker}@example.org`;
    case 'uuid':
      return randomUUID();
    case 'date':
      return day.toISOString().slice(0, 10);
    case 'date-time':
      return day.toISOString();
    case 'time':
      return '10:00:00';
    case 'uri':
    case 'url':
      return `https://example.org/${marker}`;
    default:
      break;
  }
  const pattern = s.pattern ? new RegExp(s.pattern, 'u') : undefined;
  for (const candidate of PATTERN_TRIES(marker)) {
    const value = withinLength(candidate, s);
    if (value !== undefined && (!pattern || pattern.test(value))) return value;
  }
  return 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/**
 * A value for `schema` with the marker in every free string: all properties, optional ones
 * too. Enums, constants, formats and patterns get valid values without it.
 */
export function sampleValue(schema: Schema | undefined, marker: string): unknown {
  if (!schema) return marker;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) {
    // Prefer a variant that can hold the marker: a free string, else an object, else the first.
    const free = variants.find((v) => v.type === 'string' && !v.enum && v.const === undefined && !v.format);
    const object = variants.find((v) => v.type === 'object');
    return sampleValue(free ?? object ?? variants.find((v) => v.type !== 'null') ?? variants[0], marker);
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sampleValue(part, marker)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(schema.properties ?? {}))
        out[name] = sampleValue(prop, marker);
      return out;
    }
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 1);
      return Array.from({ length: n }, () => sampleValue(schema.items, marker));
    }
    case 'string':
      return sampleString(schema, marker);
    case 'integer':
    case 'number':
      return schema.minimum !== undefined ? Math.max(schema.minimum, Math.min(schema.maximum ?? 30, 30)) : 30;
    case 'boolean':
      return true;
    default:
      return marker;
  }
}
