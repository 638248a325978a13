// Teachers open, show the code of and close attendance sessions, only for the courses they
// teach. The code and its QR are computed from the session id and the time, never stored.
// (A session's detail with its counts, and its check-ins, are the attendance module's.)
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { currentUser } from '../auth/index.ts';
import { sessionView } from './session-view.ts';
import type { SessionsContext } from './sessions.context.ts';
import {
  CodeResponse,
  CourseParams,
  OpenSessionBody,
  SessionParams,
  SessionResponse,
} from './sessions.schemas.ts';
import { closeSession } from './use-cases/close-session.ts';
import { getSessionCode } from './use-cases/get-session-code.ts';
import { openSession } from './use-cases/open-session.ts';

const TEACHER = { rateLimit: 'teacher', access: ['teacher'] };

export const sessionsRoutes: FastifyPluginAsyncTypebox<{ ctx: SessionsContext }> = async (app, { ctx }) => {
  app.post(
    '/teacher/courses/:courseId/sessions',
    {
      config: TEACHER,
      schema: {
        tags: ['sessions'],
        summary: 'Open an attendance session for a course you teach (one open session per course)',
        params: CourseParams,
        body: OpenSessionBody,
        response: { 201: SessionResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const session = await openSession(
        ctx,
        {
          courseId: request.params.courseId,
          teacherId: currentUser(request).userId,
          durationMinutes: body.duration_minutes,
          selfieRequired: body.selfie_required,
          allowedNetworks: body.allowed_networks,
          lateAfterMinutes: body.late_after_minutes ?? null,
          codeStepSeconds: body.code_step_seconds,
          title: body.title ?? null,
        },
        auditContext(request),
      );
      request.log.info(
        { event: 'attendance_session.opened', sessionId: session.id, courseId: session.courseId },
        'session opened',
      );
      return reply.code(201).send(sessionView(session, ctx.clock.nowMs()));
    },
  );

  app.post(
    '/teacher/sessions/:id/close',
    {
      config: TEACHER,
      schema: {
        tags: ['sessions'],
        summary: 'Close a session now (closing a closed session changes nothing)',
        params: SessionParams,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const closed = await closeSession(ctx, {
        teacherId: currentUser(request).userId,
        sessionId: request.params.id,
        actor: auditContext(request),
      });
      request.log.info(
        { event: 'attendance_session.closed', sessionId: closed.id, by: 'teacher' },
        'session closed',
      );
      return sessionView(closed, ctx.clock.nowMs());
    },
  );

  app.get(
    '/teacher/sessions/:id/code',
    {
      config: TEACHER,
      schema: {
        tags: ['sessions'],
        summary: 'The code to show now, with its QR: fetch again at rotates_at',
        params: SessionParams,
        response: { 200: CodeResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const code = await getSessionCode(ctx, {
        teacherId: currentUser(request).userId,
        sessionId: request.params.id,
      });
      reply.header('cache-control', 'no-store');
      return code;
    },
  );
};
