// Marks by hand, reports, CSV export and students' own history.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttnServices } from '../../services.ts';

export const reportsRoutes: FastifyPluginAsyncTypebox<AttnServices> = async () => {};
