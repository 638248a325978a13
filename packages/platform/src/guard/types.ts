// What every route declares next to its handler, in `config`:
//   rateLimit: a policy name of the app, or 'unlimited' (explicitly);
//   access:    'public', 'authenticated', or the roles allowed (['staff', 'superadmin']).
// A route that leaves out either stops the server at start-up, naming the route.
import type { FastifyRequest } from 'fastify';

export type Access = 'public' | 'authenticated' | readonly string[];

export interface Principal {
  /** The rate-limit key and the subject: admin id in A-Cube, school number in ATTN. */
  readonly id: string;
  readonly roles: readonly string[];
  /** How the request proved it: a bearer token or a session cookie. */
  readonly via: 'bearer' | 'cookie';
  /** The session or token id, for logout and revocation. */
  readonly sessionId?: string;
  /** The account's internal id, where `id` is a public key such as a school number. */
  readonly subject?: string;
}

/**
 * Finds who is calling. Returns null when the request carries no credentials; throws an
 * UNAUTHENTICATED AppError when it carries bad ones (expired, forged, revoked).
 */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

export interface RouteDeclaration {
  rateLimit?: string;
  access?: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Rate-limit policy name, or 'unlimited'. Required on every route. */
    rateLimit?: string;
    /** Who may call the route. Required on every route. */
    access?: Access;
  }
  interface FastifyRequest {
    /** The authenticated caller, or null. Set before the handler on every declared route. */
    principal: Principal | null;
  }
}
