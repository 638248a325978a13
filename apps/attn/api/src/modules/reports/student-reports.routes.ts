// A student's own attendance: history across courses (keyset-paged) and rate in one course.
// The student is always the caller: no route takes a student id.
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { currentUser } from '../auth/index.ts';
import type { ReportsContext } from './reports.context.ts';
import {
  AbsenceOverview,
  CourseParams,
  HistoryPage,
  HistoryQuery,
  StudentReport,
} from './reports.schemas.ts';
import { getOwnAbsences, getOwnReport } from './use-cases/attendance-reports.ts';
import { findHistoryPage } from './use-cases/student-history.ts';

export const studentReportsRoutes: FastifyPluginAsyncTypebox<{ ctx: ReportsContext }> = async (
  app,
  { ctx },
) => {
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
    async (request) => findHistoryPage(ctx, { studentId: currentUser(request).userId, ...request.query }),
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
    // The response schema drops `reason`: a teacher's note stays with the teachers.
    async (request) =>
      getOwnReport(ctx, { studentId: currentUser(request).userId, courseId: request.params.courseId }),
  );

  app.get(
    '/student/absences',
    {
      config: student,
      schema: {
        tags: ['reports'],
        summary: 'Your absences in each of your courses and your distance to its absence limit',
        response: { 200: AbsenceOverview, ...errorResponses(401, 403) },
      },
    },
    async (request) => getOwnAbsences(ctx, { studentId: currentUser(request).userId }),
  );
};
