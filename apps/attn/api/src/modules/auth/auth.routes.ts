// Login, logout and "who am I" for ATTN's session cookie. Login is limited per IP by the
// 'auth' policy (sized for a lecture hall behind one NAT address) and per account by the
// brute-force throttle, which a browser's device cookie for that account is not held by;
// everything after login is limited per school number. A teacher or admin with two-factor on
// (or required) gets a pending token at /login, and the session at /login/code (or at
// /login/enrol/confirm after /login/enrol).
import { auditContext } from '@campus/platform/audit';
import { Enrolment, PendingBody, SecondFactorBody, toEnrolment } from '@campus/platform/auth';
import { unauthenticated } from '@campus/platform/errors';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AttnConfig } from '../../config.ts';
import type { AuthContext } from './auth.context.ts';
import { LoginBody, Me } from './auth.schemas.ts';
import { DEVICE_COOKIE, SESSION_COOKIE } from './auth.ts';
import { EnrolledLogin, LoginAnswer } from './auth.two-factor.schemas.ts';
import { currentUser } from './current-user.ts';
import { logIn } from './use-cases/log-in.ts';
import {
  beginEnrolmentAtLogin,
  confirmEnrolmentAtLogin,
  logInWithCode,
} from './use-cases/two-factor-login.ts';
import type { UserRow } from './users.repository.ts';

const toMe = (u: UserRow, expiresAt?: Date) => ({
  id: u.id,
  school_number: u.schoolNumber,
  full_name: u.fullName,
  email: u.email,
  role: u.role,
  ...(expiresAt ? { session_expires_at: expiresAt.toISOString() } : {}),
});

export const authRoutes: FastifyPluginAsyncTypebox<{ ctx: AuthContext; config: AttnConfig }> = async (
  app,
  { ctx, config },
) => {
  const { auth } = ctx;
  const cookie = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.nodeEnv === 'production',
  } as const;

  /** A login that passed every step: the session cookie, and a new device cookie for this browser. */
  const openSession = async (request: FastifyRequest, reply: FastifyReply, user: UserRow) => {
    const session = await auth.sessions.create(app.db, user.id, {
      schoolNumber: user.schoolNumber,
      role: user.role,
    });
    request.log.info({ event: 'login.succeeded', userId: user.id, role: user.role }, 'login succeeded');
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookie, maxAge: auth.sessions.absoluteSeconds });
    reply.setCookie(DEVICE_COOKIE, await auth.throttle.deviceCookie(user.schoolNumber), {
      ...cookie,
      path: '/api/auth',
      sameSite: 'strict',
      maxAge: auth.throttle.deviceSeconds,
    });
    return toMe(user, session.expiresAt);
  };

  app.post(
    '/login',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        summary:
          'Log in with school number and password; sets the session cookie, or (two-factor) answers a pending token for /login/code',
        body: LoginBody,
        response: { 200: LoginAnswer, ...errorResponses(400, 401, 503) },
      },
    },
    async (request, reply) => {
      const outcome = await logIn(ctx, {
        schoolNumber: request.body.school_number.trim(),
        password: request.body.password,
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
      return openSession(request, reply, outcome.user);
    },
  );

  app.post(
    '/login/code',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        summary: "Log in, second step: the password step's pending token and a code or a recovery code",
        body: SecondFactorBody,
        response: { 200: Me, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const user = await logInWithCode(ctx, {
        pendingToken: request.body.pending_token,
        code: request.body.code,
        ip: request.ip,
        who: auditContext(request),
      });
      return openSession(request, reply, user);
    },
  );

  app.post(
    '/login/enrol',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
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
        summary: 'Turn two-factor on with a first code and log in; the recovery codes are shown only now',
        body: SecondFactorBody,
        response: { 200: EnrolledLogin, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { user, recoveryCodes } = await confirmEnrolmentAtLogin(ctx, {
        pendingToken: request.body.pending_token,
        code: request.body.code,
        ip: request.ip,
        who: auditContext(request),
      });
      return { ...(await openSession(request, reply, user)), recovery_codes: recoveryCodes };
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
