// GET /api/bot-check/challenge (policy `challenge`, per IP): a fresh proof-of-work challenge for
// a public form, or `{ enabled: false }` when BOT_CHECK=off. Never cached: each is used once.
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BotCheckChallenge } from './abuse.schemas.ts';
import type { BotCheck } from './bot-check.ts';

export const botCheckRoutes: FastifyPluginAsyncTypebox<{ botCheck: BotCheck }> = async (
  app,
  { botCheck },
) => {
  app.get(
    '/challenge',
    {
      config: { rateLimit: 'challenge', access: 'public' },
      schema: {
        tags: ['bot-check'],
        summary: 'A proof-of-work challenge to solve before sending a public form (ALTCHA, self-hosted)',
        response: { 200: BotCheckChallenge, ...errorResponses(400) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!botCheck.enabled) return { enabled: false };
      return { enabled: true, ...(await botCheck.challenge()) };
    },
  );
};
