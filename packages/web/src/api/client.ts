// The one way the front ends talk to their API: same-origin fetch with the session cookie, JSON
// in and out, and every failure turned into an ApiError carrying the API's own error shape
// ({ error: { code, message, details?, requestId } }), so forms can show the server's words.

export interface ApiErrorDetail {
  field?: string;
  message: string;
  /** A machine code some refusals carry (ATTN's check-in: 'code_expired', 'already_checked_in'). */
  reason?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId: string | undefined;
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ApiErrorDetail[] = [],
    requestId?: string,
    retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }

  /** The first machine reason among the details, if any. */
  get reason(): string | undefined {
    return this.details.find((d) => d.reason)?.reason;
  }
}

/** No answer at all (offline, DNS, the server down): status 0. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a FormData (multipart) or a Blob (with its type) is sent as it is. */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (A-Cube's admin panel sends its bearer token here). */
  headers?: Record<string, string>;
}

/** The API's error shape (or the rate limiter's, or none) of a failed response, as an ApiError. */
export async function toApiError(res: Response): Promise<ApiError> {
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  let payload: unknown;
  try {
    payload = await res.json();
  } catch {
    payload = undefined;
  }
  const error = (payload as { error?: unknown } | undefined)?.error;
  if (error && typeof error === 'object') {
    const e = error as { code?: string; message?: string; details?: ApiErrorDetail[]; requestId?: string };
    return new ApiError(
      res.status,
      e.code ?? 'ERROR',
      e.message ?? res.statusText,
      e.details,
      e.requestId,
      retryAfter,
    );
  }
  // The rate limiter's body: { error: 'Rate limit exceeded', detail: '10 per 1 minute' }.
  if (typeof error === 'string')
    return new ApiError(res.status, 'RATE_LIMITED', error, [], undefined, retryAfter);
  return new ApiError(res.status, 'ERROR', res.statusText || `HTTP ${res.status}`, [], undefined, retryAfter);
}

/**
 * The request as it goes out: JSON, or a FormData (multipart) or Blob (its own type) as it is;
 * same-origin with the session cookie; the answer as it came. No answer at all is an ApiError
 * with NETWORK_ERROR (an abort stays an abort).
 */
export async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: FormData | Blob | string | undefined;
  if (opts.body instanceof FormData || opts.body instanceof Blob) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  try {
    return await fetch(path, {
      method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR, 'No connection to the server');
  }
}

/** A request whose answer is JSON (or nothing, 204); a refusal is an ApiError in the API's shape. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
