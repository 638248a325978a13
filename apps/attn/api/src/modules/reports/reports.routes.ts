// Reports for the teachers of a course (per course, per student, CSV export), a student's own
// history and rate, and marking by hand. Every teacher route checks that the caller teaches
// the course (403 otherwise, 404 for no such course); a student reads only their own rows.
import { auditContext } from '@campus/platform/audit/audit-log.ts';
import { notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AttnServices } from '../../services.ts';
import { currentUser } from '../auth/current-user.ts';
import { assertTeaches, isEnrolled } from '../courses/course-access.ts';
import { marksRoutes } from './marks.routes.ts';
import { createReportsRepository } from './reports.repository.ts';
import { CourseParams, CourseReport, CourseStudentParams, TeacherStudentReport } from './reports.schemas.ts';
import { studentReportsRoutes } from './student-reports.routes.ts';
import { courseReport, studentReport } from './use-cases/attendance-reports.ts';
import { exportCourseCsv } from './use-cases/export-course.ts';

export const reportsRoutes: FastifyPluginAsyncTypebox<AttnServices> = async (app, services) => {
  const { clock, audit } = services;
  const repo = createReportsRepository(services.db);
  const teacher = { rateLimit: 'teacher', access: ['teacher'] };

  app.get(
    '/teacher/courses/:courseId/report',
    {
      config: teacher,
      schema: {
        tags: ['reports'],
        summary: 'Attendance of every enrolled student: sessions held, attended, late, rate',
        params: CourseParams,
        response: { 200: CourseReport, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await assertTeaches(services.db(), request.params.courseId, currentUser(request).userId);
      return courseReport(repo, clock, request.params.courseId);
    },
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
    async (request) => {
      const { courseId, studentId } = request.params;
      await assertTeaches(services.db(), courseId, currentUser(request).userId);
      if (!(await isEnrolled(services.db(), courseId, studentId)))
        throw notFound('Student on this course’s roster');
      return studentReport(repo, clock, courseId, studentId);
    },
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
      const course = await assertTeaches(services.db(), courseId, currentUser(request).userId);
      // Personal data leaving the system: on record, by whom and which course.
      await audit.record(services.db(), {
        ...auditContext(request),
        action: 'attendance.exported',
        entity: 'course',
        entityId: courseId,
      });
      request.log.info(
        { event: 'export.streamed', courseId, by: currentUser(request).userId },
        'attendance export',
      );
      const name = `attendance-${course.code.replace(/[^A-Za-z0-9_-]+/g, '_')}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(exportCourseCsv(repo, clock, courseId));
    },
  );

  await app.register(studentReportsRoutes, { ...services, prefix: '' });
  await app.register(marksRoutes, { ...services, prefix: '' });
};
