// Reports for the teachers of a course (per course, per student, CSV export). Every route checks
// that the caller teaches the course (403 otherwise, 404 for no such course).
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { currentUser } from '../auth/index.ts';
import type { ReportsContext } from './reports.context.ts';
import { CourseParams, CourseReport, CourseStudentParams, TeacherStudentReport } from './reports.schemas.ts';
import { getCourseReport, getTeacherStudentReport } from './use-cases/attendance-reports.ts';
import { exportCourse } from './use-cases/export-course.ts';

export const reportsRoutes: FastifyPluginAsyncTypebox<{ ctx: ReportsContext }> = async (app, { ctx }) => {
  const teacher = { rateLimit: 'teacher', access: ['teacher'] };

  app.get(
    '/teacher/courses/:courseId/report',
    {
      config: teacher,
      schema: {
        tags: ['reports'],
        summary:
          'Attendance of every enrolled student (present, late, excused, absent, rate, distance to the ' +
          'absence limit; over and near the limit first) and of every held session',
        params: CourseParams,
        response: { 200: CourseReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getCourseReport(ctx, { user: currentUser(request), courseId: request.params.courseId }),
  );

  app.get(
    '/teacher/courses/:courseId/students/:studentId/report',
    {
      config: teacher,
      schema: {
        tags: ['reports'],
        summary: 'One student of your course, session by session',
        params: CourseStudentParams,
        response: { 200: TeacherStudentReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getTeacherStudentReport(ctx, { user: currentUser(request), ...request.params }),
  );

  app.get(
    '/teacher/courses/:courseId/export.csv',
    {
      config: teacher,
      schema: {
        tags: ['reports'],
        summary: 'Attendance as CSV: a line per held session and enrolled student (streamed)',
        params: CourseParams,
        produces: ['text/csv'],
        response: { 200: Type.Any({ description: 'CSV' }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { courseId } = request.params;
      const teacherId = currentUser(request).userId;
      const { filename, csv } = await exportCourse(ctx, {
        teacherId,
        courseId,
        actor: auditContext(request),
      });
      request.log.info({ event: 'export.streamed', courseId, by: teacherId }, 'attendance export');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv);
    },
  );
};
