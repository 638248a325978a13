// Every request to a declared route passes one gate, in this order: find the caller (bearer
// token or session cookie), count it against the route's rate-limit policy (keyed by the
// caller, else by the client IP that trustProxy resolves), then check the route's access.
// At start-up, a route that does not declare both its policy and its access stops the server.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { type AppError, forbidden, unauthenticated } from '../errors.ts';
import { sendRateLimited } from '../http/error-handler.ts';
import { RateLimitedResponse } from '../http/schemas.ts';
import type { RateLimiter } from '../ratelimit/rate-limiter.ts';
import type { Access, Authenticator, Principal } from './types.ts';

export interface DeclaredRoute {
  method: string;
  url: string;
  rateLimit: string | undefined;
  access: Access | undefined;
}

export interface Guard {
  readonly limiter: RateLimiter;
  /** Sets how callers are recognised (one per app; default: nobody is authenticated). */
  useAuthenticator(authenticator: Authenticator): void;
  /** Every route with what it declared, for start-up checks and access tests. */
  routes(): DeclaredRoute[];
}

declare module 'fastify' {
  interface FastifyInstance {
    guard: Guard;
  }
}

export class UndeclaredRouteError extends Error {}

/** The guard's own refusals, told apart from a handler's by their messages. */
export const ROLE_REFUSED = 'Your role may not use this route';
export const NOT_SIGNED_IN = 'Authentication required';

export interface GuardOptions {
  limiter: RateLimiter;
}

export const guardPlugin = fp(
  async (app: FastifyInstance, opts: GuardOptions) => {
    const limiter = opts.limiter;
    const routes: RouteOptions[] = [];
    let authenticate: Authenticator = async () => null;

    const declared = (): DeclaredRoute[] =>
      routes.flatMap((route) =>
        [route.method].flat().map((method) => ({
          method,
          url: route.url,
          rateLimit: route.config?.rateLimit,
          access: route.config?.access,
        })),
      );

    app.decorate('guard', {
      limiter,
      useAuthenticator: (authenticator: Authenticator) => {
        authenticate = authenticator;
      },
      routes: declared,
    } satisfies Guard);
    app.decorateRequest('principal', null);

    app.addHook('onRoute', (route) => {
      routes.push(route);
      const response = route.schema?.response as Record<string, unknown> | undefined;
      if (response && route.config?.rateLimit && route.config.rateLimit !== 'unlimited' && !response[429]) {
        route.schema = { ...route.schema, response: { ...response, 429: RateLimitedResponse } };
      }
    });

    app.addHook('onReady', async () => {
      const problems: string[] = [];
      for (const route of declared()) {
        if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
        const name = `${route.method} ${route.url}`;
        if (route.rateLimit === undefined) {
          problems.push(`${name} declares no rate-limit policy (config.rateLimit: a policy or 'unlimited')`);
        } else if (route.rateLimit !== 'unlimited' && !limiter.policies.has(route.rateLimit)) {
          problems.push(`${name} names an unknown rate-limit policy "${route.rateLimit}"`);
        }
        if (route.access === undefined) {
          problems.push(`${name} declares no access (config.access: 'public', 'authenticated' or roles)`);
        } else if (Array.isArray(route.access) && route.access.length === 0) {
          problems.push(`${name} allows no role at all`);
        }
      }
      if (problems.length > 0) {
        throw new UndeclaredRouteError(
          `Routes must declare their policy and access:\n  ${problems.join('\n  ')}`,
        );
      }
    });

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const { rateLimit, access } = request.routeOptions.config;
      if (access === undefined) return; // no route matched: the 404 handler answers
      // Open to all and uncounted (health, docs, a web UI's files): who asks changes nothing,
      // so the caller is not looked up (a session cookie would cost a query per asset).
      if (access === 'public' && rateLimit === 'unlimited') return;
      let principal: Principal | null = null;
      let failure: AppError | undefined;
      try {
        principal = await authenticate(request);
      } catch (err) {
        if ((err as AppError).code !== 'UNAUTHENTICATED') throw err;
        failure = err as AppError;
      }
      request.principal = principal;

      if (rateLimit !== undefined && rateLimit !== 'unlimited') {
        const key = principal ? `user:${principal.id}` : `ip:${request.ip}`;
        const result = await limiter.check(rateLimit, key);
        reply.headers(result.headers);
        if (!result.allowed && result.exceeded) {
          request.log.warn(
            {
              event: 'rate_limit.exceeded',
              policy: rateLimit,
              window: result.exceeded.name,
              key: principal ? 'user' : 'ip',
              ...(principal ? { userId: principal.id } : { ip: request.ip }),
            },
            'rate limit exceeded',
          );
          return sendRateLimited(reply, result.exceeded.text);
        }
      }

      if (access === 'public') return;
      if (!principal) throw failure ?? unauthenticated(NOT_SIGNED_IN);
      const roles = principal.roles;
      if (Array.isArray(access) && !access.some((role) => roles.includes(role)))
        throw forbidden(ROLE_REFUSED);
    });
  },
  { name: 'platform-guard' },
);
