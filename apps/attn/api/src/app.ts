// ATTN as a plugin: the platform is already registered by buildApp; feature modules
// (auth, courses, sessions, check-in) register here as they arrive.
import type { AppContext } from '@campus/platform/app/app-spec.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { AttnConfig } from './config.ts';

export const attnApp: FastifyPluginAsync<AppContext<AttnConfig>> = async () => {};
