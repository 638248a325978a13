// Courses and rosters as people see them: a teacher's courses (with roster), a student's own
// courses, each with the attendance session open in it now (a student's also saying whether
// they have checked in); under /admin, terms, every course (paged) and the CSV roster import.
import { notFound } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttnServices } from '../../services.ts';
import { currentUser } from '../auth/current-user.ts';
import { assertTeaches } from './course-access.ts';
import { courseView } from './course-view.ts';
import { coursesAdminRoutes } from './courses.admin.routes.ts';
import { createCoursesRepository, type OpenSessionRow } from './courses.repository.ts';
import {
  CourseParams,
  StudentCoursesResponse,
  TeacherCourseDetail,
  TeacherCoursesResponse,
} from './courses.schemas.ts';

export const coursesRoutes: FastifyPluginAsyncTypebox<AttnServices> = async (app, services) => {
  const repo = createCoursesRepository(services.db);
  const { clock } = services;
  /** Each course's open session, by course id. */
  const openSessions = async (courseIds: string[], studentId?: string) => {
    const rows = await repo.listOpenSessions(courseIds, clock.now(), studentId);
    const byCourse = new Map<string, OpenSessionRow>();
    for (const row of rows) if (!byCourse.has(row.courseId)) byCourse.set(row.courseId, row);
    return byCourse;
  };
  const teacherOpen = (row: OpenSessionRow | undefined) =>
    row ? { id: row.id, ends_at: row.endsAt.toISOString() } : null;
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
    async (request) => {
      const rows = await repo.listForTeacher(currentUser(request).userId);
      const open = await openSessions(rows.map((c) => c.id));
      return {
        items: rows.map((c) => ({
          ...courseView(c),
          roster_size: c.rosterSize,
          open_session: teacherOpen(open.get(c.id)),
        })),
      };
    },
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
    async (request) => {
      const { courseId } = request.params;
      await assertTeaches(services.db(), courseId, currentUser(request).userId);
      const course = await repo.getWithTerm(courseId);
      if (!course) throw notFound('Course');
      const roster = await repo.listRoster(courseId);
      const open = await openSessions([courseId]);
      return {
        ...courseView(course),
        roster_size: course.rosterSize,
        open_session: teacherOpen(open.get(courseId)),
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
        summary: 'The courses you are enrolled in, each with the session open in it now',
        response: { 200: StudentCoursesResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const { userId } = currentUser(request);
      const rows = await repo.listForStudent(userId);
      const open = await openSessions(
        rows.map((c) => c.id),
        userId,
      );
      return {
        items: rows.map((c) => {
          const session = open.get(c.id);
          return {
            ...courseView(c),
            open_session: session
              ? {
                  id: session.id,
                  ends_at: session.endsAt.toISOString(),
                  selfie_required: session.selfieRequired,
                  checked_in: session.checkedIn,
                }
              : null,
          };
        }),
      };
    },
  );

  await app.register(coursesAdminRoutes, { ...services, prefix: '/admin' });
};
