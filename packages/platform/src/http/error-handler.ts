// One error handler and one not-found handler for both apps: every failure leaves as
// `{ error: { code, message, details?, requestId } }`, nothing internal leaks, and every
// unexpected error is logged once, at error, with its stack.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { AppError, type ErrorCode, type ErrorDetail } from '../errors.ts';
import { isConnectionUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './unavailable.ts';

const codeForStatus: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own client errors whose messages may quote the body: answered with a fixed text. */
const fixedMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Body cannot be empty when content-type is set to application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported media type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
  FST_ERR_BAD_URL: 'The URL is not valid',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'The request is not multipart/form-data',
  FST_INVALID_JSON_FIELD_ERROR: 'A form field is not valid JSON as its Content-Type declares',
};

/**
 * Fastify's and its plugins' own client errors whose status is not the one to answer: an
 * upload that is not multipart is an unsupported media type (415), not "not acceptable".
 */
const fixedStatuses: Record<string, number> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: 415,
  FST_INVALID_JSON_FIELD_ERROR: 400,
};

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: ErrorDetail[],
): FastifyReply {
  const error: Record<string, unknown> = { code, message };
  if (details && details.length > 0) error.details = details;
  error.requestId = reply.request.id;
  return reply.code(status).type('application/json; charset=utf-8').send({ error });
}

/**
 * The one exception to the error shape, and the one place it is built: the seeds' 429 body,
 * `{ "error": "Rate limit exceeded", "detail": "10 per 1 minute" }` (the rate limiter's, and the
 * login throttle's with its own words).
 */
export function sendRateLimited(
  reply: FastifyReply,
  detail: string,
  error = 'Rate limit exceeded',
): FastifyReply {
  return reply.code(429).send({ error, detail });
}

function validationDetails(err: FastifyError): ErrorDetail[] {
  const where = err.validationContext ?? 'body';
  return (err.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const path = (v.instancePath ?? '').split('/').filter(Boolean);
    if (typeof params.missingProperty === 'string') path.push(params.missingProperty);
    if (typeof params.additionalProperty === 'string') path.push(params.additionalProperty);
    const field = [where, ...path].join('.');
    return { field, message: v.message ?? 'is invalid' };
  });
}

/**
 * A multipart body the parser cannot read (no boundary, cut short, a broken part header): busboy
 * throws plain errors, without a status, from `request.file()` or while a part is read.
 */
function isMalformedMultipart(err: FastifyError): boolean {
  return err.statusCode === undefined && /[\\/]@fastify[\\/]busboy[\\/]/.test(err.stack ?? '');
}

function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err.validation) {
    const details = validationDetails(err);
    request.log.info({ fields: details.map((d) => d.field) }, 'request validation failed');
    return sendError(reply, 400, 'VALIDATION_FAILED', 'The request is invalid', details);
  }
  if (err instanceof AppError) {
    if (err.headers) reply.headers(err.headers);
    if (err.code === 'RATE_LIMITED')
      return sendRateLimited(reply, err.details?.[0]?.message ?? '', err.message);
    if (err.statusCode >= 500) request.log.error({ err }, err.message);
    return sendError(reply, err.statusCode, err.code, err.message, err.details);
  }
  if (isMalformedMultipart(err)) {
    request.log.info({ statusCode: 400 }, 'client error: malformed multipart body');
    return sendError(reply, 400, 'BAD_REQUEST', 'The multipart body is malformed');
  }
  const status: number = (err.code ? fixedStatuses[err.code] : undefined) ?? err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    request.log.info({ code: err.code, statusCode: status }, 'client error');
    const message = (err.code && fixedMessages[err.code]) ?? err.message;
    return sendError(reply, status, codeForStatus[status] ?? 'BAD_REQUEST', message);
  }
  if (isConnectionUnavailable(err)) {
    request.log.error({ err }, 'a connection was refused or lost (database, Redis, SMTP or the SIS): 503');
    reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return sendError(reply, 503, 'SERVICE_UNAVAILABLE', 'Service temporarily unavailable, try again shortly');
  }
  request.log.error({ err }, 'unexpected error');
  if (status === 503) return sendError(reply, 503, 'SERVICE_UNAVAILABLE', 'Service temporarily unavailable');
  return sendError(reply, 500, 'INTERNAL', 'Internal server error');
}

/**
 * Fastify's `frameworkErrors`: the router's own refusals (a path parameter over
 * maxParamLength, 414; a URL that does not decode, 400), which never reach the error handler.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', request.id);
  return handleError(err, request, reply);
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request
 * (the whole request not in within requestTimeout, 408; headers too large, 431; anything
 * unparseable, 400), written on the socket in the error shape with a fresh request id.
 */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, string, string] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', 'Request headers are too large']
        : [400, 'BAD_REQUEST', 'The request could not be parsed'];
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message, requestId } });
  this.log.info({ code: err.code, statusCode: status, requestId }, 'client error before a request');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/**
 * Installs the handlers. Unknown paths answer 404; a known path with another method answers
 * 405 with `Allow`, found through a second router that mirrors every registered route.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  const mirror = FindMyWay({ ignoreTrailingSlash: true });
  app.addHook('onRoute', (route) => {
    // A catch-all (CORS preflight answers OPTIONS on `*`) says nothing about which paths exist.
    if (route.url === '*' || route.url === '/*') return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      try {
        mirror.on(method as HTTPMethod, route.url, () => {});
      } catch {
        // the same method and path registered twice (e.g. HEAD beside GET): one entry is enough
      }
    }
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = allowedMethods(mirror, path);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendError(reply, 405, 'METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed here`);
    }
    return sendError(reply, 404, 'NOT_FOUND', `Route ${request.method} ${path} not found`);
  });
}

const METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function allowedMethods(router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>, path: string): string[] {
  return METHODS.filter((method) => router.find(method, path) !== null);
}
