// The write operations of an app's OpenAPI document, and calling each once with the marker.
import { type Schema, sampleValue } from './sample-value.ts';

export interface WriteOperation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/contact/{id}/reply`. */
  path: string;
  /** The JSON body's schema, when the operation takes JSON. */
  body?: Schema;
  /** Content types it takes, e.g. `text/csv` or `multipart/form-data`. */
  contentTypes: string[];
}

/** Every POST, PUT, PATCH and DELETE of an OpenAPI document. */
export function writeOperations(doc: { paths?: Record<string, Record<string, unknown>> }): WriteOperation[] {
  const out: WriteOperation[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const upper = method.toUpperCase();
      if (upper !== 'POST' && upper !== 'PUT' && upper !== 'PATCH' && upper !== 'DELETE') continue;
      const content = ((op as { requestBody?: { content?: Record<string, { schema?: Schema }> } }).requestBody
        ?.content ?? {}) as Record<string, { schema?: Schema }>;
      const body = content['application/json']?.schema;
      out.push({ method: upper, path, contentTypes: Object.keys(content), ...(body ? { body } : {}) });
    }
  }
  return out;
}

/** One answered call: which operation, as whom, its status and request id. */
export interface MarkerCall {
  method: string;
  url: string;
  status: number;
  requestId: string;
  /** The answer's body, for the error shape and for the marker. */
  body: string;
}

interface Injectable {
  inject(opts: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    payload?: unknown;
  }): Promise<{ statusCode: number; body: string }>;
}

export interface CallOptions {
  marker: string;
  /** The value of a path parameter (an existing record's id, so the write is reached). */
  param(op: WriteOperation, name: string): string;
  /** Header sets tried in order until the answer is neither 401 nor 403 (e.g. roles, then none). */
  credentials: Record<string, string>[];
  /** Values that must be right for the write to be reached (dates in order, a known version). */
  overrides?(op: WriteOperation): Record<string, unknown> | undefined;
  /** A query string for the operation (e.g. `dry_run=false`), without the `?`. */
  query?(op: WriteOperation): string | undefined;
  /** The body of an operation that takes text/csv, with the marker in its personal columns. */
  csv?(op: WriteOperation, marker: string): string;
  /** Operations left out (e.g. one that would lock the caller out). */
  skip?(op: WriteOperation): boolean;
  /** Prefix of the request ids sent (X-Request-Id), so the log lines can be matched. */
  requestIdPrefix: string;
}

let calls = 0;
const ANSWER_MS = 30_000;

/** Calls every operation once with the marker in its free-text fields; returns the answers. */
export async function callWriteOperations(
  app: Injectable,
  ops: WriteOperation[],
  opts: CallOptions,
): Promise<MarkerCall[]> {
  const out: MarkerCall[] = [];
  // Operations that end a record's life (cancel, delete) last, so the others find it alive.
  const ordered = [...ops].sort((a, b) => rank(a) - rank(b));
  for (const op of ordered) {
    if (opts.skip?.(op)) continue;
    const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      encodeURIComponent(opts.param(op, name)),
    );
    const query = opts.query?.(op);
    const url = query ? `${path}?${query}` : path;
    let payload: unknown;
    let type: string | undefined;
    if (op.body) {
      payload = { ...(sampleValue(op.body, opts.marker) as object), ...(opts.overrides?.(op) ?? {}) };
      type = 'application/json';
    } else if (op.contentTypes.includes('text/csv')) {
      payload =
        opts.csv?.(op, opts.marker) ?? `full_name,email\n${opts.marker} Name,${opts.marker}@example.org\n`;
      type = 'text/csv';
    }
    for (const credential of opts.credentials) {
      const requestId = `${opts.requestIdPrefix}-${++calls}`;
      const headers: Record<string, string> = { 'x-request-id': requestId, ...credential };
      if (type) headers['content-type'] = type;
      // A request that never answers is a failure of its own, named, not a silent hang.
      let timer: NodeJS.Timeout | undefined;
      const res = await Promise.race([
        app.inject({
          method: op.method,
          url,
          headers,
          ...(payload !== undefined
            ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }
            : {}),
        }),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () =>
              reject(new Error(`${op.method} ${url} (${requestId}) did not answer in ${ANSWER_MS / 1000} s`)),
            ANSWER_MS,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      out.push({ method: op.method, url, status: res.statusCode, requestId, body: res.body });
      if (res.statusCode !== 401 && res.statusCode !== 403) break;
    }
  }
  return out;
}

function rank(op: WriteOperation): number {
  if (op.method === 'DELETE' || /\/(cancel|close|erase|delete|logout)$/.test(op.path)) return 1;
  return 0;
}
