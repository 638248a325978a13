// GET /api/admin/dashboard (staff and superadmins): the counts the panel's first page shows.
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DashboardContext } from './dashboard.context.ts';
import { Dashboard } from './dashboard.schemas.ts';
import { getDashboard } from './use-cases/get-dashboard.ts';

export const dashboardRoutes: FastifyPluginAsyncTypebox<{ ctx: DashboardContext }> = async (app, { ctx }) => {
  app.get(
    '/',
    {
      config: { rateLimit: 'admin', access: ['staff', 'superadmin'] },
      schema: {
        tags: ['dashboard'],
        summary: 'New bookings, messages and applications, and running and failed jobs (admins)',
        response: { 200: Dashboard, ...errorResponses(401, 403) },
      },
    },
    async () => getDashboard(ctx),
  );
};
