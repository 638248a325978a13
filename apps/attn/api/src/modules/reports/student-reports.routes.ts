// A student's own attendance: history across courses (keyset-paged) and rate in one course.
// The student is always the caller: no route takes a student id.
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttnServices } from '../../services.ts';
import { currentUser } from '../auth/current-user.ts';
import { assertEnrolled } from '../courses/course-access.ts';
import { decodeCursor, encodeCursor } from '../courses/cursor.ts';
import { createReportsRepository } from './reports.repository.ts';
import { CourseParams, HistoryPage, HistoryQuery, StudentReport } from './reports.schemas.ts';
import { studentReport } from './use-cases/attendance-reports.ts';

export const studentReportsRoutes: FastifyPluginAsyncTypebox<AttnServices> = async (app, services) => {
  const repo = createReportsRepository(services.db);
  const student = { rateLimit: 'student', access: ['student'] };

  app.get(
    '/student/history',
    {
      config: student,
      schema: {
        tags: ['reports'],
        summary: 'Your check-ins across courses, newest first, with status and verification',
        querystring: HistoryQuery,
        response: { 200: HistoryPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { limit, before } = request.query;
      const key = before ? decodeCursor(before, 2) : undefined;
      const rows = await repo.historyPage(
        currentUser(request).userId,
        limit,
        key ? { at: key[0] as string, id: key[1] as string } : undefined,
      );
      const last = rows[rows.length - 1];
      return {
        items: rows.map((r) => ({
          id: r.id,
          session_id: r.session_id,
          session_title: r.session_title,
          course: { id: r.course_id, code: r.course_code, title: r.course_title },
          status: r.status,
          source: r.source,
          verification: r.verification,
          checked_in_at: new Date(r.checked_in_at).toISOString(),
        })),
        next_before: rows.length === limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
      };
    },
  );

  app.get(
    '/student/courses/:courseId/report',
    {
      config: student,
      schema: {
        tags: ['reports'],
        summary: 'Your attendance in one of your courses, session by session',
        params: CourseParams,
        response: { 200: StudentReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { userId } = currentUser(request);
      await assertEnrolled(services.db(), request.params.courseId, userId);
      const report = await studentReport(repo, services.clock, request.params.courseId, userId);
      // The response schema drops `reason`: a teacher's note stays with the teachers.
      return report;
    },
  );
};
