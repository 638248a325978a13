// What a teacher sees of one of their sessions' attendance: the session with its counts and its
// course (the projector's screen), and every check-in so far with devices used by several
// students flagged. Courses' teachers only.
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { currentUser } from '../auth/index.ts';
import { SessionDetailResponse, SessionParams } from '../sessions/index.ts';
import type { AttendanceContext } from './attendance.context.ts';
import { CheckinListResponse } from './session-checkins.schemas.ts';
import { getSessionOverview, listSessionCheckins } from './use-cases/get-session-attendance.ts';

const TEACHER = { rateLimit: 'teacher', access: ['teacher'] };

export const sessionCheckinsRoutes: FastifyPluginAsyncTypebox<{ ctx: AttendanceContext }> = async (
  app,
  { ctx },
) => {
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
    async (request) =>
      getSessionOverview(ctx, { teacherId: currentUser(request).userId, sessionId: request.params.id }),
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
    async (request) =>
      listSessionCheckins(ctx, { teacherId: currentUser(request).userId, sessionId: request.params.id }),
  );
};
