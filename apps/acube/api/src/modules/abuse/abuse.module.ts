// What keeps A-Cube's public forms from being used against anyone: the bot check every form
// route asks for (`app.botCheck`, its challenge route under /api/bot-check) and the daily cap on
// the mail one address gets from the forms (`app.publicMailCap`). Installed on the app itself,
// before the feature modules, so that their routes find both.
import type { Clock } from '@campus/platform/clock';
import { deriveKey } from '@campus/platform/config';
import { createKeyedCounters } from '@campus/platform/db';
import { AddressCap } from '@campus/platform/mail';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { botCheckRoutes } from './abuse.routes.ts';
import type { AbuseSettings } from './abuse.settings.ts';
import { BotCheck } from './bot-check.ts';
import { PublicMailCap } from './public-mail-cap.ts';

declare module 'fastify' {
  interface FastifyInstance {
    botCheck: BotCheck;
    publicMailCap: PublicMailCap;
  }
}

export interface AbuseGuardOptions {
  settings: AbuseSettings;
  appSecret: string;
  clock: Clock;
  timeZone: string;
}

export async function installAbuseGuards(app: FastifyInstance, opts: AbuseGuardOptions): Promise<void> {
  const counters = createKeyedCounters(() => app.db);
  const botCheck = new BotCheck({
    enabled: opts.settings.botCheck,
    key: deriveKey(opts.appSecret, 'bot-check').toString('hex'),
    complexity: opts.settings.botCheckComplexity,
    expiresSeconds: opts.settings.botCheckExpiresSeconds,
    clock: opts.clock,
    counters,
  });
  const cap = new AddressCap({
    counters,
    key: deriveKey(opts.appSecret, 'mail-address-cap'),
    scope: 'public-forms',
    limit: opts.settings.publicMailPerAddressPerDay,
    registry: app.metrics,
  });
  app.decorate('botCheck', botCheck);
  app.decorate('publicMailCap', new PublicMailCap({ cap, timeZone: opts.timeZone, clock: opts.clock }));
  await app.register(botCheckRoutes, { prefix: '/api/bot-check', botCheck });
}

/** A public form route's preHandler: refuses the request (400 BOT_CHECK_FAILED) without a fresh, unused solution. */
export function requireBotCheck(app: FastifyInstance) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers['x-bot-check'];
    await app.botCheck.verify(typeof header === 'string' ? header : undefined);
  };
}
