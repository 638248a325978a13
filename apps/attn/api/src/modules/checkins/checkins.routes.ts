// Students check in with the current code.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttnServices } from '../../services.ts';

export const checkinsRoutes: FastifyPluginAsyncTypebox<AttnServices> = async () => {};
