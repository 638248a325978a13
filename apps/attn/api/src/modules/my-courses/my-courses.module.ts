// The course pages: what a teacher and a student see of their courses, with the attendance
// session open in each now. It owns no table: it composes the courses, sessions and attendance
// modules through their index.ts, which is why it is a module of its own above them.
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import { coursesReader } from '../courses/index.ts';
import type { MyCoursesContext } from './my-courses.context.ts';
import { myCoursesRoutes } from './my-courses.routes.ts';

export const myCoursesModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const ctx: MyCoursesContext = {
    db: services.db,
    clock: services.clock,
    courses: coursesReader(services.db),
  };
  await app.register(myCoursesRoutes, { prefix: '/api', ctx });
};
