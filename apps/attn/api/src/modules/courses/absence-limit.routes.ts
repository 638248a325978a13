// A course's absence limit, for its teachers and admins: read it, change it (audited).
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { currentUser } from '../auth/index.ts';
import { AbsenceLimit, AbsenceLimitBody } from './absence-limit.schemas.ts';
import type { CoursesContext } from './courses.context.ts';
import { CourseParams } from './courses.schemas.ts';
import { getAbsenceLimit, setAbsenceLimit } from './use-cases/absence-limit.ts';

export const absenceLimitRoutes: FastifyPluginAsyncTypebox<{ ctx: CoursesContext }> = async (
  app,
  { ctx },
) => {
  const managers = { rateLimit: 'teacher', access: ['teacher', 'admin'] };

  app.get(
    '/courses/:courseId/absence-limit',
    {
      config: managers,
      schema: {
        tags: ['reports'],
        summary: 'The course’s absence limit (its teachers and admins)',
        params: CourseParams,
        response: { 200: AbsenceLimit, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getAbsenceLimit(ctx, { user: currentUser(request), courseId: request.params.courseId }),
  );

  app.put(
    '/courses/:courseId/absence-limit',
    {
      config: managers,
      schema: {
        tags: ['reports'],
        summary: 'Change the course’s absence limit (its teachers and admins; audited)',
        params: CourseParams,
        body: AbsenceLimitBody,
        response: { 200: AbsenceLimit, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const limit = await setAbsenceLimit(ctx, {
        actor: auditContext(request),
        user,
        courseId: request.params.courseId,
        percent: request.body.percent,
        plannedSessions: request.body.planned_sessions,
      });
      request.log.info(
        { event: 'course.absence_limit_set', courseId: limit.course_id, by: user.userId },
        'absence limit changed',
      );
      return limit;
    },
  );
};
