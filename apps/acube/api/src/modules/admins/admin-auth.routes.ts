// POST /api/admin/auth/login, /refresh, /logout (policy `auth`, keyed by IP before login and by
// account in the login throttle).
import { sameOrigin } from '@campus/platform/auth/authenticators.ts';
import { forbidden, unauthenticated } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AcubeConfig } from '../../config.ts';
import { AdminView, LoginBody, TokenResponse } from './admin-auth.schemas.ts';
import type { AdminAuth } from './admin-auth.ts';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './admin-auth.ts';
import type { AdminRow } from './admins.repository.ts';

export const adminView = (a: AdminRow) => ({ id: a.id, email: a.email, name: a.name, role: a.role });

export const adminAuthRoutes: FastifyPluginAsyncTypebox<{ auth: AdminAuth; config: AcubeConfig }> = async (
  app,
  opts,
) => {
  const { auth, config } = opts;
  app.addSchema(AdminView);

  const issue = async (
    reply: FastifyReply,
    admin: AdminRow,
    refreshToken: string,
    familyId: string,
    expiresAt: Date,
  ) => {
    reply.setCookie(REFRESH_COOKIE, refreshToken, {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      expires: expiresAt,
    });
    return {
      access_token: await auth.access.sign({ sub: admin.id, roles: [admin.role], sid: familyId }),
      token_type: 'Bearer' as const,
      expires_in: auth.access.ttlSeconds,
      admin: adminView(admin),
    };
  };
  // The refresh cookie is SameSite=Strict; a cross-site page still cannot make us use it.
  const sameSite = (request: FastifyRequest) => {
    if (!sameOrigin(request, config.corsOrigins)) throw forbidden('Cross-site request refused');
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
      const { email, password } = request.body;
      const admin = await auth.throttle.attempt({ account: email, ip: request.ip }, async () => {
        const found = await auth.admins.findByEmail(email);
        const result = await auth.hasher.verify(found?.passwordHash, password);
        if (!found || !result.ok || found.disabledAt) return null;
        if (result.rehash) await auth.admins.setPasswordHash(found.id, result.rehash);
        return found;
      });
      const issued = await auth.refresh.issue(app.db, admin.id);
      request.log.info({ event: 'login.succeeded', userId: admin.id }, 'admin logged in');
      return issue(reply, admin, issued.token, issued.familyId, issued.expiresAt);
    },
  );

  app.post(
    '/refresh',
    {
      config: { rateLimit: 'auth', access: 'public' },
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
      const issued = await auth.refresh.rotate(app.db, token);
      const admin = await auth.admins.findById(issued.subject);
      if (!admin || admin.disabledAt) {
        await auth.refresh.revokeFamily(app.db, issued.familyId);
        throw unauthenticated('Account disabled');
      }
      return issue(reply, admin, issued.token, issued.familyId, issued.expiresAt);
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
      const sid = request.principal?.sessionId;
      if (sid) await auth.refresh.revokeFamily(app.db, sid);
      reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      request.log.info({ event: 'logout', userId: request.principal?.id }, 'admin logged out');
      return reply.code(204).send(null);
    },
  );
};
