// What of an error may be logged or stored, whatever failed. Errors carry personal data in
// places nobody looks at when writing `log.error({ err })`: a failed query's parameters and row
// (drizzle's `Failed query: … params: …`, node-postgres' and PGlite's `query`, `params`,
// `detail`, `where`), a value quoted in PostgreSQL's message (`invalid input syntax for type
// uuid: "…"`), an SMTP server's answer naming the recipient. So an error is reduced to an
// allow-list: its type, its message with quoted values and e-mail addresses taken out, its stack
// frames, and the few fields that say what failed without saying about whom (SQLSTATE code,
// table, constraint, column…). Used by the log serializer, by jobs before pg-boss stores a
// failure, and by the command line at start-up.

/** The fields of an error kept as they are: codes and names, never values. */
const KEPT = [
  'code',
  'statusCode',
  'status',
  'errno',
  'syscall',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

/** The database facts hoisted from anywhere in the cause chain. */
const DB_FIELDS = ['code', 'schema', 'table', 'column', 'constraint'] as const;

const SQLSTATE = /^[0-9A-Z]{5}$/;
const EMAIL = /[^\s@<>"'(),;:/]+@[^\s@<>"'(),;:/]+\.[^\s@<>"'(),;:/]+/g;
const FRAME = /^\s+at /;
const MAX_DEPTH = 4;

export const REDACTED_VALUE = '[REDACTED]';

export interface SafeError {
  type: string;
  message: string;
  stack: string;
  code?: string | number;
  /** The failing statement's SQLSTATE, table, constraint… when a database error is in the chain. */
  db?: Partial<Record<(typeof DB_FIELDS)[number], string>>;
  cause?: SafeError;
  aggregateErrors?: SafeError[];
  [field: string]: unknown;
}

type ErrorLike = Error & Record<string, unknown>;

function isErrorLike(value: unknown): value is ErrorLike {
  return (
    value instanceof Error ||
    (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string')
  );
}

/** A PostgreSQL error as node-postgres or PGlite raise it: a SQLSTATE code and a severity. */
export function isDatabaseError(err: unknown): boolean {
  if (!isErrorLike(err)) return false;
  return typeof err.code === 'string' && SQLSTATE.test(err.code) && 'severity' in err;
}

/** drizzle's wrapper: its message is the SQL and every parameter. */
function isFailedQuery(err: ErrorLike): boolean {
  return err.name === 'DrizzleQueryError' || err.message.startsWith('Failed query:');
}

/** "insert into "volunteers" …" → `insert into "volunteers"`: what was done to which table. */
function statementSummary(sqlText: string): string {
  const text = sqlText.replace(/\s+/g, ' ').trim();
  const m =
    /^(insert into|update|delete from)\s+("?[\w.]+"?(?:\."?[\w]+"?)?)/i.exec(text) ??
    /^(select)\b.*?\bfrom\s+("?[\w.]+"?(?:\."?[\w]+"?)?)/i.exec(text);
  if (m) return `${m[1]?.toLowerCase()} ${m[2]}`;
  const word = /^\w+/.exec(text)?.[0];
  return word ? word.toLowerCase() : 'statement';
}

/** Takes out e-mail addresses and, for database errors, every quoted value that names no field. */
export function scrubMessage(message: string, keep: readonly string[] = [], quotes = `"`): string {
  let out = message.replace(EMAIL, REDACTED_VALUE);
  for (const q of quotes) {
    out = out.replace(new RegExp(`${q}([^${q}]*)${q}`, 'g'), (whole, inner: string) =>
      keep.includes(inner) ? whole : `${q}${REDACTED_VALUE}${q}`,
    );
  }
  return out;
}

function messageOf(err: ErrorLike): string {
  if (isFailedQuery(err)) {
    const sqlText = typeof err.query === 'string' ? err.query : err.message.slice('Failed query:'.length);
    return `Failed query: ${statementSummary(sqlText.split('\nparams:')[0] ?? '')}`;
  }
  // A PL/pgSQL RAISE (class P0) says whatever its author wrote, values included.
  if (isDatabaseError(err) && String(err.code).startsWith('P0'))
    return `the database raised an exception (${String(err.code)})`;
  const keep = KEPT.map((k) => err[k]).filter((v): v is string => typeof v === 'string');
  // PostgreSQL quotes values with double quotes, and some messages (RAISE, casts) with single.
  return isDatabaseError(err) ? scrubMessage(err.message, keep, `"'`) : scrubMessage(err.message, keep);
}

function typeOf(err: ErrorLike): string {
  // node-postgres and PGlite (whose class name is minified) both raise PostgreSQL's errors.
  if (isDatabaseError(err)) return 'DatabaseError';
  const ctor = (err as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name !== 'Object' ? ctor.name : (err.name ?? 'Error');
}

function dbFacts(err: ErrorLike, depth = 0): SafeError['db'] {
  if (depth > MAX_DEPTH) return undefined;
  if (isDatabaseError(err)) {
    const facts: NonNullable<SafeError['db']> = {};
    for (const k of DB_FIELDS) if (typeof err[k] === 'string') facts[k] = err[k] as string;
    return facts;
  }
  return isErrorLike(err.cause) ? dbFacts(err.cause as ErrorLike, depth + 1) : undefined;
}

/** The loggable, storable form of anything thrown. */
export function safeError(err: unknown, depth = 0): SafeError {
  if (!isErrorLike(err)) {
    const text = typeof err === 'string' ? scrubMessage(err) : `non-error value (${typeof err})`;
    return { type: typeof err, message: text, stack: '' };
  }
  const type = typeOf(err);
  const message = messageOf(err);
  const frames =
    typeof err.stack === 'string'
      ? err.stack
          .split('\n')
          .filter((line) => FRAME.test(line))
          .map((line) => line.replace(EMAIL, REDACTED_VALUE))
      : [];
  const out: SafeError = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n') };
  for (const key of KEPT) {
    const value = err[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (depth === 0) {
    const db = dbFacts(err);
    if (db) out.db = db;
  }
  if (depth < MAX_DEPTH) {
    if (isErrorLike(err.cause) || typeof err.cause === 'string') out.cause = safeError(err.cause, depth + 1);
    if (Array.isArray(err.errors)) {
      out.aggregateErrors = err.errors.slice(0, 10).map((inner) => safeError(inner, depth + 1));
    }
  }
  return out;
}

/**
 * An Error that may be stored where the original may not (pg-boss keeps a failed job's error in
 * its `output`, every own property of it): the safe message, type, code and stack, causes
 * folded into the message.
 */
export function storableError(err: unknown): Error {
  const safe = safeError(err);
  const causes: string[] = [];
  for (let c = safe.cause; c; c = c.cause) causes.push(c.message);
  const message = causes.length > 0 ? `${safe.message} (caused by: ${causes.join('; ')})` : safe.message;
  const out = new Error(message) as Error & Record<string, unknown>;
  out.name = safe.type;
  out.stack = [`${safe.type}: ${message}`, ...safe.stack.split('\n').slice(1)].join('\n');
  if (safe.code !== undefined) out.code = safe.code;
  if (safe.db) out.db = safe.db;
  return out;
}

/** One line for a console at start-up: type, safe message, database facts, frames. */
export function formatSafeError(err: unknown): string {
  const safe = safeError(err);
  const lines = [safe.stack || `${safe.type}: ${safe.message}`];
  if (safe.db) lines.push(`  database: ${JSON.stringify(safe.db)}`);
  for (let c = safe.cause; c; c = c.cause) lines.push(`  caused by ${c.type}: ${c.message}`);
  return lines.join('\n');
}
