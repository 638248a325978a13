// POST /api/admin/auth/login, /refresh, /logout (policy `auth`, keyed by IP before login and by
// account in the login throttle). The access token goes in the body; the refresh token in an
// httpOnly, Secure, SameSite=Strict cookie scoped to these routes.
import { sameOrigin } from '@campus/platform/auth';
import { forbidden, unauthenticated } from '@campus/platform/errors';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './admins.auth.ts';
import type { AdminsContext } from './admins.context.ts';
import { AdminView, LoginBody, TokenResponse, toAdminView } from './admins.schemas.ts';
import { type AdminSession, logIn } from './use-cases/log-in.ts';
import { logOut } from './use-cases/log-out.ts';
import { refreshLogin } from './use-cases/refresh-login.ts';

export const adminsAuthRoutes: FastifyPluginAsyncTypebox<{
  ctx: AdminsContext;
  corsOrigins: readonly string[];
}> = async (app, { ctx, corsOrigins }) => {
  app.addSchema(AdminView);

  const answer = (reply: FastifyReply, session: AdminSession) => {
    reply.setCookie(REFRESH_COOKIE, session.refresh.token, {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      expires: session.refresh.expiresAt,
    });
    return {
      access_token: session.accessToken,
      token_type: 'Bearer' as const,
      expires_in: session.expiresIn,
      admin: toAdminView(session.admin),
    };
  };
  // The refresh cookie is SameSite=Strict; a cross-site page still cannot make us use it.
  const sameSite = (request: FastifyRequest) => {
    if (!sameOrigin(request, corsOrigins)) throw forbidden('Cross-site request refused');
  };

  app.post(
    '/login',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        tags: ['admin auth'],
        summary: 'Log in: an access token in the body, the refresh token in an httpOnly cookie',
        body: LoginBody,
        response: { 200: TokenResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const session = await logIn(ctx, { ...request.body, ip: request.ip });
      request.log.info({ event: 'login.succeeded', userId: session.admin.id }, 'admin logged in');
      return answer(reply, session);
    },
  );

  app.post(
    '/refresh',
    {
      config: { rateLimit: 'refresh', access: 'public' },
      schema: {
        tags: ['admin auth'],
        summary: 'A new access token for the refresh cookie, which rotates',
        response: { 200: TokenResponse, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      sameSite(request);
      const token = request.cookies[REFRESH_COOKIE];
      if (!token) throw unauthenticated('No refresh token');
      return answer(reply, await refreshLogin(ctx, { token }));
    },
  );

  app.post(
    '/logout',
    {
      config: { rateLimit: 'admin', access: 'authenticated' },
      schema: {
        tags: ['admin auth'],
        summary: 'End this login: its refresh tokens stop working',
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await logOut(ctx, { sessionId: request.principal?.sessionId });
      reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      request.log.info({ event: 'logout', userId: request.principal?.id }, 'admin logged out');
      return reply.code(204).send(null);
    },
  );
};
