// Teachers open, show the code of, and close attendance sessions.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttnServices } from '../../services.ts';

export const sessionsRoutes: FastifyPluginAsyncTypebox<AttnServices> = async () => {};
