// Teachers open, show the code of, watch and close attendance sessions, only for the courses
// they teach. The code and its QR are computed from the session id and the time, never stored.
import { auditContext } from '@campus/platform/audit/audit-log.ts';
import { AppError, notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import QRCode from 'qrcode';
import type { AttnServices } from '../../services.ts';
import { currentUser } from '../auth/current-user.ts';
import { parseCidr } from './networks.ts';
import { currentCode, sessionCodeKey } from './session-codes.ts';
import { scheduleSessionClosing } from './sessions.jobs.ts';
import { createSessionsRepository, type SessionRow } from './sessions.repository.ts';
import {
  CheckinListResponse,
  CodeResponse,
  CourseParams,
  OpenSessionBody,
  SessionDetailResponse,
  SessionParams,
  SessionResponse,
} from './sessions.schemas.ts';
import { closeSession } from './use-cases/close-session.ts';
import { openSession } from './use-cases/open-session.ts';
import { getTeacherSession } from './use-cases/teacher-access.ts';

const TEACHER = { rateLimit: 'teacher', access: ['teacher'] };

export const sessionsRoutes: FastifyPluginAsyncTypebox<AttnServices> = async (app, services) => {
  const { clock, audit, logger, config, live } = services;
  const repo = createSessionsRepository(services.db);
  const onClosed = (sessionId: string, closedAt: Date) =>
    live.publish(sessionId, { type: 'closed', session_id: sessionId, closed_at: closedAt.toISOString() });
  scheduleSessionClosing(app, { repo, audit, clock, logger, onClosed });

  const view = (s: SessionRow) => ({
    id: s.id,
    course_id: s.courseId,
    title: s.title,
    opened_at: s.openedAt.toISOString(),
    ends_at: s.endsAt.toISOString(),
    closed_at: s.closedAt?.toISOString() ?? null,
    open: s.closedAt === null && s.endsAt.getTime() > clock.nowMs(),
    code_step_seconds: s.codeStepSeconds,
    late_after_minutes: s.lateAfterMinutes,
    selfie_required: s.selfieRequired,
    allowed_networks: s.allowedNetworks,
  });
  const teacherSession = (request: Parameters<typeof currentUser>[0], id: string) =>
    getTeacherSession(repo, currentUser(request).userId, id);

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
      const bad = body.allowed_networks.flatMap((cidr, i) =>
        parseCidr(cidr) ? [] : [{ field: `body.allowed_networks.${i}`, message: `"${cidr}" is not a CIDR` }],
      );
      if (bad.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is invalid', { details: bad });
      const session = await openSession(
        { db: app.db, repo, audit, clock },
        {
          courseId: request.params.courseId,
          teacherId: currentUser(request).userId,
          durationMinutes: body.duration_minutes,
          selfieRequired: body.selfie_required,
          allowedNetworks: body.allowed_networks.map((c) => c.trim()),
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
      return reply.code(201).send(view(session));
    },
  );

  app.get(
    '/teacher/sessions/:id',
    {
      config: TEACHER,
      schema: {
        tags: ['sessions'],
        summary: 'A session of yours with its counts and its course',
        params: SessionParams,
        response: { 200: SessionDetailResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const session = await teacherSession(request, request.params.id);
      const [counts, course] = await Promise.all([repo.counts(session), repo.getCourse(session.courseId)]);
      if (!course) throw notFound('Course');
      return { ...view(session), counts, course };
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
      const session = await teacherSession(request, request.params.id);
      const closed = await closeSession(
        { db: app.db, repo, audit, clock, onClosed },
        session,
        auditContext(request),
      );
      request.log.info(
        { event: 'attendance_session.closed', sessionId: session.id, by: 'teacher' },
        'session closed',
      );
      return view(closed);
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
      const session = await teacherSession(request, request.params.id);
      if (!view(session).open) throw new AppError('CONFLICT', 'This attendance session is closed');
      const key = sessionCodeKey(config.appSecret, session.id);
      const now = clock.nowMs();
      const shown = currentCode(key, session.codeStepSeconds, now);
      // The code rides in the fragment: browsers never send it, so no server logs it.
      const payload = `${config.publicUrl}/c/${session.id}#${shown.code}`;
      reply.header('cache-control', 'no-store');
      return {
        code: shown.code,
        step_seconds: session.codeStepSeconds,
        rotates_at: shown.rotatesAt.toISOString(),
        valid_until: shown.validUntil.toISOString(),
        server_time: new Date(now).toISOString(),
        qr_payload: payload,
        qr_svg: await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      };
    },
  );

  app.get(
    '/teacher/sessions/:id/checkins',
    {
      config: TEACHER,
      schema: {
        tags: ['sessions'],
        summary: 'Every check-in of a session of yours; devices used by several students are flagged',
        params: SessionParams,
        response: { 200: CheckinListResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const session = await teacherSession(request, request.params.id);
      const rows = await repo.listCheckins(session.id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          student: { id: r.student_id, school_number: r.school_number, full_name: r.full_name },
          status: r.status,
          source: r.source,
          verification: r.verification,
          checked_in_at: r.checked_in_at.toISOString(),
          device_flagged: r.device_flagged,
        })),
      };
    },
  );
};
