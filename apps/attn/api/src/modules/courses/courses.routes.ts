// Courses and rosters as people see them: a teacher's courses (with roster), a student's own
// courses; under /admin, terms, every course (paged) and the CSV roster import.
import { notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AttnServices } from '../../services.ts';
import { currentUser } from '../auth/current-user.ts';
import { assertTeaches } from './course-access.ts';
import { courseView } from './course-view.ts';
import { coursesAdminRoutes } from './courses.admin.routes.ts';
import { createCoursesRepository } from './courses.repository.ts';
import { CourseParams, CourseSummary, TeacherCourse, TeacherCourseDetail } from './courses.schemas.ts';

export const coursesRoutes: FastifyPluginAsyncTypebox<AttnServices> = async (app, services) => {
  const repo = createCoursesRepository(services.db);
  const teacher = { rateLimit: 'teacher', access: ['teacher'] };
  const student = { rateLimit: 'student', access: ['student'] };

  app.get(
    '/teacher/courses',
    {
      config: teacher,
      schema: {
        tags: ['courses'],
        summary: 'The courses you teach, with their term and roster size',
        response: { 200: Type.Object({ items: Type.Array(TeacherCourse) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const rows = await repo.listForTeacher(currentUser(request).userId);
      return { items: rows.map((c) => ({ ...courseView(c), roster_size: c.rosterSize })) };
    },
  );

  app.get(
    '/teacher/courses/:courseId',
    {
      config: teacher,
      schema: {
        tags: ['courses'],
        summary: 'One of your courses with its roster',
        params: CourseParams,
        response: { 200: TeacherCourseDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { courseId } = request.params;
      await assertTeaches(services.db(), courseId, currentUser(request).userId);
      const course = await repo.getWithTerm(courseId);
      if (!course) throw notFound('Course');
      const roster = await repo.listRoster(courseId);
      return {
        ...courseView(course),
        roster_size: course.rosterSize,
        roster: roster.map((s) => ({ id: s.id, school_number: s.schoolNumber, full_name: s.fullName })),
      };
    },
  );

  app.get(
    '/student/courses',
    {
      config: student,
      schema: {
        tags: ['courses'],
        summary: 'The courses you are enrolled in',
        response: { 200: Type.Object({ items: Type.Array(CourseSummary) }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const rows = await repo.listForStudent(currentUser(request).userId);
      return { items: rows.map(courseView) };
    },
  );

  await app.register(coursesAdminRoutes, { ...services, prefix: '/admin' });
};
