// Prometheus metrics at /metrics: request count and duration by route template (never the raw
// URL, so cardinality stays bounded), process and event-loop metrics, and whatever collectors
// other plugins add to `app.metrics` (the database pool, job queues).
import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { notFound, unauthenticated } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

const UNMATCHED = '__unmatched__';

export const metricsPlugin = fp(
  /**
   * `token` (METRICS_TOKEN): when set, /metrics asks for `Authorization: Bearer <token>`. Without
   * it, /metrics is open outside production and switched off (404) in production, where route
   * names, counts and process figures are not for everyone.
   */
  async (app, opts: { appName: string; token: string | undefined; production: boolean }) => {
    const registry = new Registry();
    registry.setDefaultLabels({ app: opts.appName });
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
    const labelNames = ['method', 'route', 'status_code'] as const;
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route template, method and status',
      labelNames,
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route template, method and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    app.decorate('metrics', registry);

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? UNMATCHED;
      const labels = { method: request.method, route, status_code: String(reply.statusCode) };
      requests.inc(labels);
      duration.observe(labels, reply.elapsedTime / 1000);
    });

    app.get(
      '/metrics',
      { schema: { hide: true }, logLevel: 'warn', config: { rateLimit: 'unlimited', access: 'public' } },
      async (request, reply) => {
        if (opts.token) {
          const given = Buffer.from(request.headers.authorization ?? '');
          const wanted = Buffer.from(`Bearer ${opts.token}`);
          if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
            throw unauthenticated('Metrics need their token');
        } else if (opts.production) {
          throw notFound('Route');
        }
        reply.type(registry.contentType);
        return registry.metrics();
      },
    );
  },
  { name: 'platform-metrics' },
);
