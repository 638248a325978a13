// The teacher's live stream of check-ins.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttnServices } from '../../services.ts';

export const liveRoutes: FastifyPluginAsyncTypebox<AttnServices> = async () => {};
