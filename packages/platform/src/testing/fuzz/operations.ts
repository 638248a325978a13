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
