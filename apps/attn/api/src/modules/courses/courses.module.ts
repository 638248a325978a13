// The courses module: terms, courses and rosters (the tables it alone writes, through the roster
// import), the one check of who teaches or attends a course, and the admin routes under
// /api/admin, and the course's absence limit (its teachers and admins). Builds the repository and the use cases' context once.
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import { absenceLimitRoutes } from './absence-limit.routes.ts';
import { coursesAdminRoutes } from './courses.admin.routes.ts';
import type { CoursesContext } from './courses.context.ts';
import { createCoursesRepository } from './courses.repository.ts';

export const coursesModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const ctx: CoursesContext = {
    db: services.db,
    repo: createCoursesRepository(services.db),
    audit: services.audit,
    clock: services.clock,
  };
  await app.register(coursesAdminRoutes, { prefix: '/api/admin', ctx });
  await app.register(absenceLimitRoutes, { prefix: '/api', ctx });
};
