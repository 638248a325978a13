// Shared response schemas: the one error shape every failure answers with, declared once so
// every route can list its error responses and OpenAPI documents them.
import { type TSchema, Type } from 'typebox';

export const ErrorDetail = Type.Object(
  {
    field: Type.Optional(Type.String({ description: 'Where the problem is, e.g. body.email' })),
    message: Type.String(),
  },
  { additionalProperties: true },
);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
      message: Type.String({ description: 'Human-readable summary' }),
      details: Type.Optional(Type.Array(ErrorDetail)),
      requestId: Type.String({ description: 'The X-Request-Id of the failed request' }),
    }),
  },
  { $id: 'ErrorResponse', title: 'ErrorResponse' },
);

const ErrorRef = Type.Ref('ErrorResponse');

const descriptions: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Cannot be processed',
  503: 'Temporarily unavailable',
};

/** The one exception to the error shape: the seeds' 429 body (see sendRateLimited). */
export const RateLimitedResponse = Type.Object(
  {
    error: Type.String({ examples: ['Rate limit exceeded'] }),
    detail: Type.String({ examples: ['10 per 1 minute'] }),
  },
  { description: 'Too many requests: wait for Retry-After seconds' },
);

/**
 * `{ 400: ErrorResponse, 404: ErrorResponse, ... }` for a route's `response` schema; 429 is the
 * rate-limit body, so a route listing it can still answer a throttled request.
 */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const status of statuses) {
    if (status === 429) {
      out[status] = RateLimitedResponse;
      continue;
    }
    out[status] = { ...ErrorRef, description: descriptions[status] ?? 'Error' } as TSchema;
  }
  return out;
}
