// The operations of an OpenAPI document, as the fuzzer needs them: method, path template (in
// Fastify's `:name` form too, to match the guard's route list), parameters and body.
import type { Schema } from './sample.ts';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** As in the document: `/api/events/{id}`. */
  path: string;
  /** As registered with Fastify: `GET /api/events/:id` (the access tables' key). */
  key: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes JSON. */
  jsonBody?: Schema;
  /** Other declared body media types (text/csv, ...). */
  bodyTypes: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: { paths?: Record<string, Record<string, unknown>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const op = raw as {
        parameters?: { name: string; in: Parameter['in']; required?: boolean; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      const content = op.requestBody?.content ?? {};
      const upper = method.toUpperCase();
      out.push({
        method: upper,
        path,
        key: `${upper} ${path.replace(/\{([^}]+)\}/g, ':$1')}`,
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required === true || p.in === 'path',
          schema: p.schema ?? { type: 'string' },
        })),
        ...(content['application/json']?.schema ? { jsonBody: content['application/json'].schema } : {}),
        bodyTypes: Object.keys(content).filter((t) => t !== 'application/json'),
      });
    }
  }
  return out;
}

/** A `$ref` resolver over the document's components (`#/components/schemas/X` or a bare `X`). */
export function resolverFor(doc: { components?: { schemas?: Record<string, Schema> } }) {
  const schemas = doc.components?.schemas ?? {};
  return (ref: string) => schemas[ref.replace(/^#\/components\/schemas\//, '')];
}

export const isWrite = (op: Operation) => op.method !== 'GET';

/**
 * Where an operation's input accepts an integer with no `maximum`: such a value (1e23, say)
 * passes validation and then fails in the database as out of range, a 500. Paths such as
 * `query.before` or `body.items[].count`.
 */
export function unboundedIntegers(op: Operation, resolve: (ref: string) => Schema | undefined): string[] {
  const found: string[] = [];
  const walk = (schema: Schema | undefined, at: string, depth: number): void => {
    if (!schema || depth > 20) return;
    if (typeof schema.$ref === 'string') {
      walk(resolve(schema.$ref), at, depth + 1);
      return;
    }
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('integer') && schema.maximum === undefined && schema.exclusiveMaximum === undefined)
      found.push(at);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
      for (const part of (schema[key] as Schema[] | undefined) ?? []) walk(part, at, depth + 1);
    for (const [name, child] of Object.entries((schema.properties as Record<string, Schema>) ?? {}))
      walk(child, `${at}.${name}`, depth + 1);
    if (schema.items && typeof schema.items === 'object') walk(schema.items as Schema, `${at}[]`, depth + 1);
  };
  for (const p of op.parameters) walk(p.schema, `${p.in}.${p.name}`, 0);
  walk(op.jsonBody, 'body', 0);
  return [...new Set(found)];
}
