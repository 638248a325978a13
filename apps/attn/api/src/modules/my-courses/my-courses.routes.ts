// Courses as people see them: a teacher's courses (and one with its roster), a student's own
// courses, each with the attendance session open in it now (a student's also saying whether
// they have checked in).
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { currentUser } from '../auth/index.ts';
import { CourseParams } from '../courses/index.ts';
import type { MyCoursesContext } from './my-courses.context.ts';
import { StudentCoursesResponse, TeacherCourseDetail, TeacherCoursesResponse } from './my-courses.schemas.ts';
import {
  getTeacherCoursePage,
  listStudentCoursePage,
  listTeacherCoursePage,
} from './use-cases/list-my-courses.ts';

export const myCoursesRoutes: FastifyPluginAsyncTypebox<{ ctx: MyCoursesContext }> = async (app, { ctx }) => {
  const teacher = { rateLimit: 'teacher', access: ['teacher'] };
  const student = { rateLimit: 'student', access: ['student'] };

  app.get(
    '/teacher/courses',
    {
      config: teacher,
      schema: {
        tags: ['courses'],
        summary: 'The courses you teach, with their term, roster size and the session open now',
        response: { 200: TeacherCoursesResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => listTeacherCoursePage(ctx, { teacherId: currentUser(request).userId }),
  );

  app.get(
    '/teacher/courses/:courseId',
    {
      config: teacher,
      schema: {
        tags: ['courses'],
        summary: 'One of your courses with its roster and the session open now',
        params: CourseParams,
        response: { 200: TeacherCourseDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getTeacherCoursePage(ctx, {
        teacherId: currentUser(request).userId,
        courseId: request.params.courseId,
      }),
  );

  app.get(
    '/student/courses',
    {
      config: student,
      schema: {
        tags: ['courses'],
        summary: 'The courses you are enrolled in, each with the session open in it now',
        response: { 200: StudentCoursesResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => listStudentCoursePage(ctx, { studentId: currentUser(request).userId }),
  );
};
