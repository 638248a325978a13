// Marking by hand: a teacher of the session's course marks a student present or late, or
// removes a check-in, with a reason; audited in the same transaction, shown live after commit.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser } from '../auth/index.ts';
import type { AttendanceContext } from './attendance.context.ts';
import type { CheckinRow } from './marks.repository.ts';
import { MarkBody, MarkedCheckin, MarkParams, UnmarkBody, UnmarkParams } from './marks.schemas.ts';
import { markStudent, unmarkStudent } from './use-cases/mark-attendance.ts';

const view = (c: CheckinRow) => ({
  id: c.id,
  session_id: c.sessionId,
  student_id: c.studentId,
  status: c.status,
  source: c.source,
  marked_by: c.markedBy,
  verification: c.verification,
  checked_in_at: c.checkedInAt.toISOString(),
});

export const marksRoutes: FastifyPluginAsyncTypebox<{ ctx: AttendanceContext }> = async (app, { ctx }) => {
  const teacher = { rateLimit: 'teacher', access: ['teacher'] };

  app.post(
    '/teacher/sessions/:sessionId/marks',
    {
      config: teacher,
      schema: {
        tags: ['reports'],
        summary: 'Mark a student of the course present or late by hand, with a reason',
        params: MarkParams,
        body: MarkBody,
        response: {
          200: Type.Object({ ...MarkedCheckin.properties, created: Type.Boolean() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const { userId } = currentUser(request);
      const { checkin, created } = await markStudent(ctx, {
        actor: auditContext(request),
        teacherId: userId,
        sessionId: request.params.sessionId,
        studentId: request.body.student_id,
        status: request.body.status,
        reason: request.body.reason,
      });
      request.log.info(
        { event: 'checkin.marked', checkinId: checkin.id, sessionId: checkin.sessionId, by: userId },
        'student marked by hand',
      );
      return { ...view(checkin), created };
    },
  );

  app.delete(
    '/teacher/sessions/:sessionId/marks/:studentId',
    {
      config: teacher,
      schema: {
        tags: ['reports'],
        summary: 'Remove a student’s check-in from a session, with a reason',
        params: UnmarkParams,
        body: UnmarkBody,
        response: { 200: MarkedCheckin, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { userId } = currentUser(request);
      const removed = await unmarkStudent(ctx, {
        actor: auditContext(request),
        teacherId: userId,
        sessionId: request.params.sessionId,
        studentId: request.params.studentId,
        reason: request.body.reason,
      });
      request.log.info(
        { event: 'checkin.unmarked', checkinId: removed.id, sessionId: removed.sessionId, by: userId },
        'check-in removed by hand',
      );
      return view(removed);
    },
  );
};
