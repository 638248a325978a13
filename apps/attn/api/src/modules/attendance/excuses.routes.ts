// Excused absences of a course, for its teachers and admins: the list, recording one (with a
// category and a note), removing one. Log lines carry ids only, never the note.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser } from '../auth/index.ts';
import type { AttendanceContext } from './attendance.context.ts';
import { CourseParams, ExcuseBody, ExcusedAbsence, ExcuseList, ExcuseParams } from './excuses.schemas.ts';
import {
  listExcusedAbsences,
  recordExcusedAbsence,
  removeExcusedAbsence,
} from './use-cases/excused-absences.ts';

export const excusesRoutes: FastifyPluginAsyncTypebox<{ ctx: AttendanceContext }> = async (app, { ctx }) => {
  const managers = { rateLimit: 'teacher', access: ['teacher', 'admin'] };

  app.get(
    '/courses/:courseId/excused-absences',
    {
      config: managers,
      schema: {
        tags: ['reports'],
        summary: 'The course’s excused absences, oldest session first (its teachers and admins)',
        params: CourseParams,
        querystring: Type.Object({ student_id: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: ExcuseList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      listExcusedAbsences(ctx, {
        user: currentUser(request),
        courseId: request.params.courseId,
        studentId: request.query.student_id,
      }),
  );

  app.post(
    '/courses/:courseId/excused-absences',
    {
      config: managers,
      schema: {
        tags: ['reports'],
        summary:
          'Excuse a student’s absence from a session of the course, with a category and a note (audited)',
        params: CourseParams,
        body: ExcuseBody,
        response: { 201: ExcusedAbsence, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const excuse = await recordExcusedAbsence(ctx, {
        actor: auditContext(request),
        user,
        courseId: request.params.courseId,
        sessionId: request.body.session_id,
        studentId: request.body.student_id,
        category: request.body.category,
        note: request.body.note,
      });
      request.log.info(
        { event: 'absence.excused', excuseId: excuse.id, sessionId: excuse.session_id, by: user.userId },
        'absence excused',
      );
      return reply.code(201).send(excuse);
    },
  );

  app.delete(
    '/courses/:courseId/excused-absences/:excuseId',
    {
      config: managers,
      schema: {
        tags: ['reports'],
        summary: 'Remove an excused absence (audited)',
        params: ExcuseParams,
        response: { 200: ExcusedAbsence, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const removed = await removeExcusedAbsence(ctx, {
        actor: auditContext(request),
        user,
        ...request.params,
      });
      request.log.info(
        { event: 'absence.excuse_removed', excuseId: removed.id, by: user.userId },
        'excused absence removed',
      );
      return removed;
    },
  );
};
