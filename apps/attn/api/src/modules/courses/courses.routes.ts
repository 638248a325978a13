// Courses and rosters: what teachers and students see, and the admin's CSV import.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttnServices } from '../../services.ts';

export const coursesRoutes: FastifyPluginAsyncTypebox<AttnServices> = async () => {};
