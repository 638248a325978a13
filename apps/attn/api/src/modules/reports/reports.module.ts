// The reports module: attendance rates and the CSV export for a course's teachers, a student's
// own history and rate. It owns no table: the check-ins are the attendance module's, read
// through its index.ts (live and archived alike); access is the courses module's.
import type { FastifyPluginAsync } from 'fastify';
import type { AttnServices } from '../../services.ts';
import { attendanceReports } from '../attendance/index.ts';
import type { ReportsContext } from './reports.context.ts';
import { reportsRoutes } from './reports.routes.ts';
import { studentReportsRoutes } from './student-reports.routes.ts';

export const reportsModule: FastifyPluginAsync<AttnServices> = async (app, services) => {
  const ctx: ReportsContext = {
    db: services.db,
    reports: attendanceReports(services.db),
    audit: services.audit,
    clock: services.clock,
  };
  await app.register(reportsRoutes, { prefix: '/api', ctx });
  await app.register(studentReportsRoutes, { prefix: '/api', ctx });
};
