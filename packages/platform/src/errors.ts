// The coded error catalogue: every failure the API reports has a code and a status from here.
// The error handler (http/errors.ts) turns these into `{ error: { code, message, details?, requestId } }`.

export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  /** A public form without a fresh, correct, unused proof-of-work solution (the bot check). */
  BOT_CHECK_FAILED: 400,
  /** A string in the body, query, path or headers holds a NUL or an unpaired UTF-16 surrogate. */
  INVALID_TEXT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  /** A bulk operation by filter: the filter now matches another number of records than confirmed. */
  COUNT_CHANGED: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** A path parameter longer than the router accepts (maxParamLength). */
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = errorStatus[code];
    this.details = options.details;
    this.headers = options.headers;
  }
}

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const forbidden = (message = 'You do not have access to this resource') =>
  new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'Authentication required') =>
  new AppError('UNAUTHENTICATED', message);

/**
 * A 429 in the rate limiter's shape, `{ "error": ..., "detail": ... }`, with Retry-After: for
 * refusals the limiter cannot see, such as a login blocked after repeated failures.
 */
export const tooManyRequests = (error: string, detail: string, retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', error, {
    details: [{ message: detail }],
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });

/** PostgreSQL's unique (23505) and foreign-key (23503) violations as coded errors, for use-case boundaries. */
export function fromDatabaseError(
  err: unknown,
  messages: { unique?: string; foreignKey?: string } = {},
): unknown {
  const code = pgCode(err);
  if (code === '23505') return new AppError('CONFLICT', messages.unique ?? 'Already exists', { cause: err });
  if (code === '23503')
    return new AppError('CONFLICT', messages.foreignKey ?? 'Refers to a missing or in-use record', {
      cause: err,
    });
  return err;
}

function pgCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
