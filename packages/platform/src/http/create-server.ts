// The Fastify factory both apps start from: logger and request ids, timeouts, trusted proxies,
// security headers, CORS, schemas and OpenAPI, the error shape, health and metrics. It never
// listens: the entry point does (see serve.ts), tests call `inject`.
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { type Logger, symbols as pinoSymbols } from 'pino';
import { type Clock, systemClock } from '../clock/clock.ts';
import type { PlatformConfig } from '../config/types.ts';
import { guardPlugin } from '../guard/guard-plugin.ts';
import { requestIdFrom } from '../log/create-logger.ts';
import { createCounterStore } from '../ratelimit/create-store.ts';
import { RateLimiter } from '../ratelimit/rate-limiter.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandlers, sendError } from './error-handler.ts';
import { healthPlugin } from './health.ts';
import { healthMetricsPlugin } from './health-metrics.ts';
import { metricsPlugin } from './metrics.ts';
import { type OpenApiOptions, openApiPlugin } from './openapi.ts';
import { ErrorResponse } from './schemas.ts';
import { securityHeadersPlugin } from './security-headers.ts';
import { installTextGuard } from './text-guard.ts';

export interface CreateServerOptions {
  config: PlatformConfig;
  logger: Logger;
  openapi: OpenApiOptions;
  /** Largest JSON body accepted, in bytes (default 1 MiB); uploads set their own per route. */
  bodyLimit?: number;
  /** The app's rate-limit policies by name ({ public: '10/minute;30/hour' }); RATE_LIMIT_* overrides. */
  policies?: Readonly<Record<string, string>>;
  clock?: Clock;
}

export type Server = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Fastify's types omit the hop count that proxy-addr accepts: express it as the same rule. */
function trustProxyOption(value: PlatformConfig['trustProxy']) {
  if (typeof value !== 'number') return value;
  return (_address: string, hop: number) => hop < value;
}

export async function createServer(opts: CreateServerOptions): Promise<Server> {
  const { config } = opts;
  const app = Fastify({
    loggerInstance: opts.logger as FastifyBaseLogger,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Each request's logger carries its id. pino runs every binding through the redaction
    // paths (about a hundred, with wildcards): for a request id, which request-id.ts has already
    // limited to safe characters, that is a few percent of a busy server's CPU for nothing. So
    // the child is made with no bindings and the id appended as pino would write it.
    childLoggerFactory: (logger, bindings, childOptions) => {
      const child = logger.child({}, childOptions);
      const id = (bindings as { requestId?: unknown }).requestId;
      if (typeof id === 'string') {
        const slot = child as unknown as Record<symbol, string>;
        slot[pinoSymbols.chindingsSym] += `,"requestId":${JSON.stringify(id)}`;
      }
      return child;
    },
    trustProxy: trustProxyOption(config.trustProxy),
    // Starting runs migrations, pg-boss's set-up and the schedules inside plugins: on a small or
    // busy machine that outlasts Fastify's 10 s plugin limit, and the process then refused to
    // start at all. A minute still stops a start that truly hangs.
    pluginTimeout: 60_000,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // Slow-loris bound: the whole request must arrive within 30 s. Keep-alive outlasts nginx's.
    requestTimeout: 30_000,
    keepAliveTimeout: 72_000,
    forceCloseConnections: 'idle',
    // While closing, requests still arriving get 503 from the hook below, in the error shape.
    return503OnClosing: false,
    // The router's and Node's own refusals (414, a bad URL, 408, 431) in the error shape too.
    frameworkErrors,
    clientErrorHandler,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: {
      customOptions: { allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandlers(app);
  installTextGuard(app);
  // Once shutdown starts, responses still in flight close their keep-alive connection, so the
  // server can finish closing instead of waiting for clients to hang up; new requests get 503.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (config.instanceId) reply.header('x-instance', config.instanceId);
    if (closing) return sendError(reply, 503, 'SERVICE_UNAVAILABLE', 'The server is shutting down');
  });
  app.addSchema(ErrorResponse);
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  await app.register(securityHeadersPlugin, {
    production: config.nodeEnv === 'production',
    https: config.publicUrl.startsWith('https:'),
  });
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit', 'ratelimit-policy'],
  });
  await app.register(cookie);
  // Uploads: one file per request at most; each route passes its own size limit to request.file().
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25, fileSize: 10 * 1024 * 1024 },
  });

  const clock = opts.clock ?? systemClock;
  const counters = await createCounterStore({
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
    logger: opts.logger,
    clock,
  });
  app.addHook('onClose', () => counters.close());
  let limiter: RateLimiter;
  try {
    limiter = new RateLimiter({
      defaults: opts.policies ?? {},
      overrides: config.rateLimits,
      store: counters.store,
      clock,
    });
  } catch (err) {
    await app.close();
    throw err;
  }
  await app.register(guardPlugin, { limiter });

  await app.register(openApiPlugin, opts.openapi);
  await app.register(healthPlugin);
  await app.register(metricsPlugin, {
    appName: config.app,
    token: config.metricsToken,
    production: config.nodeEnv === 'production',
  });
  if (config.redisUrl) app.health.register('redis', () => counters.check());
  // Readiness and Redis fallbacks in /metrics: 'redis' is the rate limiter's check (above),
  // 'live' the live fan-out's (live-plugin.ts).
  await app.register(healthMetricsPlugin, { redisUsers: { rate_limit: 'redis', live: 'live' } });
  return app;
}
