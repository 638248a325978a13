// POST /api/admin/auth/login, /refresh, /logout (policy `auth`, keyed by IP before login and by
// account in the login throttle). The access token goes in the body; the refresh token in an
// httpOnly, Secure, SameSite=Strict cookie scoped to these routes, and so is the device cookie
// that keeps this browser out of its account's lockout. With two-factor on (or required), login
// answers a pending token, and /login/code (or /login/enrol and /login/enrol/confirm) finishes it.
import { auditContext } from '@campus/platform/audit';
import { Enrolment, PendingBody, SecondFactorBody, sameOrigin, toEnrolment } from '@campus/platform/auth';
import { forbidden, unauthenticated } from '@campus/platform/errors';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DEVICE_COOKIE, REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './admins.auth.ts';
import type { AdminsContext } from './admins.context.ts';
import { AdminView, LoginBody, TokenResponse, toAdminView } from './admins.schemas.ts';
import { EnrolledLogin, LoginAnswer } from './admins.two-factor.schemas.ts';
import { type AdminSession, logIn } from './use-cases/log-in.ts';
import { logOut } from './use-cases/log-out.ts';
import { refreshLogin } from './use-cases/refresh-login.ts';
import {
  beginEnrolmentAtLogin,
  confirmEnrolmentAtLogin,
  logInWithCode,
} from './use-cases/two-factor-login.ts';

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
    if (session.device) {
      reply.setCookie(DEVICE_COOKIE, session.device, {
        path: REFRESH_COOKIE_PATH,
        httpOnly: true,
        secure: true,
        sameSite: 'strict',
        maxAge: ctx.auth.throttle.deviceSeconds,
      });
    }
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
        summary:
          'Log in: an access token in the body, the refresh token in an httpOnly cookie; with two-factor, a pending token for /login/code',
        body: LoginBody,
        response: { 200: LoginAnswer, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const outcome = await logIn(ctx, {
        ...request.body,
        ip: request.ip,
        device: request.cookies[DEVICE_COOKIE],
      });
      if ('challenge' in outcome) {
        const { challenge } = outcome;
        request.log.info({ event: 'login.second_factor', step: challenge.step }, 'password accepted');
        return {
          second_factor: challenge.step,
          pending_token: challenge.pendingToken,
          expires_in: challenge.expiresIn,
        };
      }
      request.log.info({ event: 'login.succeeded', userId: outcome.session.admin.id }, 'admin logged in');
      return answer(reply, outcome.session);
    },
  );

  app.post(
    '/login/code',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        tags: ['admin auth'],
        summary: "Log in, second step: the password step's pending token and a code or a recovery code",
        body: SecondFactorBody,
        response: { 200: TokenResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const session = await logInWithCode(ctx, {
        pendingToken: request.body.pending_token,
        code: request.body.code,
        ip: request.ip,
        who: auditContext(request),
      });
      request.log.info({ event: 'login.succeeded', userId: session.admin.id }, 'admin logged in');
      return answer(reply, session);
    },
  );

  app.post(
    '/login/enrol',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        tags: ['admin auth'],
        summary: 'Two-factor is required and not set up: a new secret for this pending login',
        body: PendingBody,
        response: { 200: Enrolment, ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      toEnrolment(await beginEnrolmentAtLogin(ctx, { pendingToken: request.body.pending_token })),
  );

  app.post(
    '/login/enrol/confirm',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        tags: ['admin auth'],
        summary: 'Turn two-factor on with a first code and log in; the recovery codes are shown only now',
        body: SecondFactorBody,
        response: { 200: EnrolledLogin, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { session, recoveryCodes } = await confirmEnrolmentAtLogin(ctx, {
        pendingToken: request.body.pending_token,
        code: request.body.code,
        ip: request.ip,
        who: auditContext(request),
      });
      request.log.info({ event: 'two_factor.enabled', userId: session.admin.id }, 'admin enrolled 2FA');
      return { ...answer(reply, session), recovery_codes: recoveryCodes };
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
