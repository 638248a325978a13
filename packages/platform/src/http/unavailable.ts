// Errors that mean "something we depend on cannot be reached right now" rather than "this request
// is wrong" or "our code is wrong": a refused or dropped connection (the database's, and so also
// Redis's, an SMTP server's or the SIS's), the pool's connect timeout, PostgreSQL shutting down
// or starting up. They answer 503 with Retry-After, not 500, so a client
// (and nginx, for idempotent requests) tries again, and readiness already says the same.

/** SQLSTATE classes and codes of a lost or refused connection (08xxx, 57P01-57P03, 53300). */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** node-postgres says these in words only. */
const MESSAGES = [
  /Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function isObject(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null;
}

/** True when err, or anything in its cause chain (or an AggregateError's list), is one of them. */
export function isConnectionUnavailable(err: unknown, depth = 0): boolean {
  if (!isObject(err) || depth > 5) return false;
  const code = typeof err.code === 'string' ? err.code : '';
  if (SQLSTATES.has(code) || code.startsWith('08') || NET_CODES.has(code)) return true;
  const message = typeof err.message === 'string' ? err.message : '';
  if (MESSAGES.some((re) => re.test(message))) return true;
  if (Array.isArray(err.errors) && err.errors.some((e) => isConnectionUnavailable(e, depth + 1))) return true;
  return isConnectionUnavailable(err.cause, depth + 1);
}

/** Seconds a client is asked to wait before trying again. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
