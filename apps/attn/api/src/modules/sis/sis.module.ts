// The SIS module: the client made from the settings, and everything the app registers for it
// (the sync queue and its schedule, the health check, the admin routes under /api/admin/sis).
// Without SIS_URL there is no client: logins are local only, nothing is scheduled, and the
// admin routes say so.
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { AttnServices } from '../../services.ts';
import { SIS_SYNC_QUEUE, sisSyncQueue } from './sis.jobs.ts';
import { sisRoutes } from './sis.routes.ts';
import { createSisClient, type SisClient } from './sis-client.ts';
import type { SisConfig } from './sis-config.ts';

export function sisClientFromConfig(config: SisConfig | undefined, logger: Logger): SisClient | null {
  if (!config) return null;
  return createSisClient({
    url: config.url,
    ...(config.token ? { token: config.token } : {}),
    logger,
    timeoutMs: config.timeoutMs,
    breakerFailures: config.breakerFailures,
    halfOpenAfterMs: config.halfOpenAfterMs,
  });
}

export const sisModule: FastifyPluginAsync<AttnServices> = async (app, opts) => {
  const { sis, config } = opts;
  if (sis && config.sis) {
    app.jobs.define(
      sisSyncQueue({ sis, db: () => app.db, clock: opts.clock, logger: opts.logger, audit: opts.audit }),
    );
    app.jobs.schedule(SIS_SYNC_QUEUE, config.sis.syncCron, {});
    // An open circuit is 'degraded', never 'down': local accounts, sessions and check-ins go on.
    app.health.register('sis', async () =>
      sis.breakerState === 'closed'
        ? 'up'
        : {
            status: 'degraded',
            note: `SIS circuit ${sis.breakerState}: SIS logins refused, local accounts work`,
          },
    );
  }
  await app.register(sisRoutes, { prefix: '/api/admin/sis', sis, sisConfig: config.sis, audit: opts.audit });
};
