// Security headers from helmet, built ONCE. (@fastify/helmet rebuilds helmet's middleware,
// parsing the CSP again, on every request: measured at several percent of a small route's CPU
// in bench/ratelimit. The headers are the same; only the set-up moved to start-up.)
// `upgrade-insecure-requests` only where the app is reached over https: on a plain-http address
// other than localhost (a laptop on the classroom network that the students' phones open) the
// browser would fetch the web UI's scripts over https and the page would stay blank.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

export const securityHeadersPlugin = fp(
  async (app: FastifyInstance, opts: { production: boolean; https: boolean }) => {
    const apply = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: opts.https ? [] : null,
        },
      },
      strictTransportSecurity: opts.production,
    });
    app.addHook('onRequest', (request, reply, done) => {
      apply(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
    });
  },
  { name: 'platform-security-headers' },
);
