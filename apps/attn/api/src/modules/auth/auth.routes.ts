// Login, logout and "who am I" for ATTN's session cookie. Login is limited per IP by the
// 'auth' policy (sized for a lecture hall behind one NAT address) and per account by the
// brute-force throttle; everything after login is limited per school number.

import { unauthenticated } from '@campus/platform/errors';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AttnConfig } from '../../config.ts';
import { LoginBody, Me } from './auth.schemas.ts';
import { type AttnAuth, SESSION_COOKIE } from './auth.ts';
import { currentUser } from './current-user.ts';
import type { UserRow } from './users.repository.ts';

const toMe = (u: UserRow, expiresAt?: Date) => ({
  id: u.id,
  school_number: u.schoolNumber,
  full_name: u.fullName,
  email: u.email,
  role: u.role,
  ...(expiresAt ? { session_expires_at: expiresAt.toISOString() } : {}),
});

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AttnAuth; config: AttnConfig }> = async (
  app,
  { auth, config },
) => {
  const cookie = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.nodeEnv === 'production',
  } as const;

  app.post(
    '/login',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        summary: 'Log in with school number and password; sets the session cookie',
        body: LoginBody,
        response: { 200: Me, ...errorResponses(400, 401, 503) },
      },
    },
    async (request, reply) => {
      const user = await auth.login(request.body.school_number.trim(), request.body.password, request.ip);
      const session = await auth.sessions.create(app.db, user.id, {
        schoolNumber: user.schoolNumber,
        role: user.role,
      });
      request.log.info({ event: 'login.succeeded', userId: user.id, role: user.role }, 'login succeeded');
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookie,
        maxAge: auth.sessions.absoluteSeconds,
      });
      return toMe(user, session.expiresAt);
    },
  );

  app.post(
    '/logout',
    {
      config: { rateLimit: 'user', access: 'authenticated' },
      schema: { summary: 'End this session', response: { 204: Type.Null(), ...errorResponses(401) } },
    },
    async (request, reply) => {
      const sessionId = request.principal?.sessionId;
      if (sessionId) {
        await auth.sessions.revoke(app.db, sessionId);
        auth.principals.forget({ sessionId });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      request.log.info({ event: 'logout', userId: request.principal?.subject }, 'logged out');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { rateLimit: 'user', access: 'authenticated' },
      schema: { summary: 'The logged-in user', response: { 200: Me, ...errorResponses(401) } },
    },
    async (request) => {
      const user = await auth.users.findById(currentUser(request).userId);
      if (!user) throw unauthenticated();
      return toMe(user);
    },
  );
};
