// The privacy marker test's tools: every write operation of an app's OpenAPI document, a body for
// each with a unique marker in every free-text field (inside otherwise valid values: an e-mail
// as `<marker>@example.org`), a database that refuses writes (a trigger on every table that
// raises with the row in its message and detail) or has lost its tables (renamed), and the
// places the marker must never be found: log lines, the job tables (schema pgboss), files.
import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import type { Db } from '../db/database.ts';

/** A fresh marker: lower-case letters and digits, so no encoding or lower-casing hides it. */
export function newMarker(): string {
  return `pmk${randomBytes(6).toString('hex')}`;
}

type Schema = Record<string, unknown> & {
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

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The app's own tables (schema public; partitions through their parent). */
async function publicTables(db: Db): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
  );
  return found.map((r) => r.name);
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Makes every insert, update and delete on the app's tables (but `except`) fail, with the row in
 * the error's message and detail as the worst trigger would. Returns the undo.
 */
export async function failWrites(db: Db, opts: { except?: string[] } = {}): Promise<() => Promise<void>> {
  await db.execute(
    sql.raw(`create or replace function privacy_test_refuse() returns trigger language plpgsql as $$
      declare r text := case when tg_op = 'DELETE' then row_to_json(old)::text else row_to_json(new)::text end;
      begin raise exception 'privacy test refuses %: %', tg_table_name, r using detail = r; end $$`),
  );
  const tables = (await publicTables(db)).filter((t) => !(opts.except ?? []).includes(t));
  for (const table of tables) {
    await db.execute(
      sql.raw(`create trigger privacy_test_refuse before insert or update or delete on ${q(table)}
               for each row execute function privacy_test_refuse()`),
    );
  }
  return async () => {
    for (const table of tables) await db.execute(sql.raw(`drop trigger privacy_test_refuse on ${q(table)}`));
    await db.execute(sql.raw('drop function privacy_test_refuse()'));
  };
}

/** Renames every table of the app (but `except`), so reads fail too. Returns the undo. */
export async function loseTables(db: Db, opts: { except?: string[] } = {}): Promise<() => Promise<void>> {
  const tables = (await publicTables(db)).filter((t) => !(opts.except ?? []).includes(t));
  for (const table of tables)
    await db.execute(sql.raw(`alter table ${q(table)} rename to ${q(`${table}__gone`)}`));
  return async () => {
    for (const table of tables)
      await db.execute(sql.raw(`alter table ${q(`${table}__gone`)} rename to ${q(table)}`));
  };
}

/** The job tables (every table of schema pgboss) whose rows hold the marker, with a row each. */
export async function markerInJobTables(db: Db, marker: string): Promise<string[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'pgboss'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const all = await rows<Record<string, unknown>>(db, sql.raw(`select * from pgboss.${q(name)}`));
    const hit = all.find((row) => JSON.stringify(row).toLowerCase().includes(marker));
    if (hit) found.push(`pgboss.${name}: ${JSON.stringify(hit).slice(0, 300)}`);
  }
  return found;
}

/** Every file under `dir` (recursively) holding the marker; .eml files are decoded first. */
export async function markerInFiles(dir: string, marker: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (entry.name.toLowerCase().includes(marker)) found.push(path);
      const raw = await readFile(path).catch(() => Buffer.alloc(0));
      let text = raw.toString('utf8');
      if (entry.name.endsWith('.eml')) {
        const mail = await simpleParser(raw);
        text += JSON.stringify([mail.subject, mail.text, mail.html, mail.to]);
      }
      if (text.toLowerCase().includes(marker)) found.push(path);
    }
  };
  await walk(dir);
  return found;
}

/** The log lines (parsed, or raw file text) that hold the marker. */
export function markerInLogs(lines: readonly unknown[], marker: string, fileText = ''): string[] {
  const hits = lines.map((l) => JSON.stringify(l)).filter((l) => l.toLowerCase().includes(marker));
  for (const line of fileText.split('\n')) if (line.toLowerCase().includes(marker)) hits.push(line);
  return hits.map((h) => h.slice(0, 400));
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
