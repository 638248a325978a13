// Builds an app on the platform in the one load order: server factory (logging, errors,
// headers, OpenAPI, health, metrics), database, then the app's own modules and its web UI.
// No listen.
import { backupsPlugin } from '../backup/backup-plugin.ts';
import type { PlatformConfig } from '../config/types.ts';
import { databasePlugin } from '../db/database-plugin.ts';
import { createServer, type Server } from '../http/create-server.ts';
import { webAppPlugin } from '../http/web-app.ts';
import { jobsPlugin } from '../jobs/jobs-plugin.ts';
import { livePlugin } from '../live/live-plugin.ts';
import { mailPlugin } from '../mail/mail-plugin.ts';
import type { AppContext, AppSpec } from './app-spec.ts';

export async function buildApp<C extends PlatformConfig>(
  spec: AppSpec<C>,
  ctx: AppContext<C>,
): Promise<Server> {
  const app = await createServer({
    config: ctx.config,
    logger: ctx.logger,
    openapi: { title: spec.title, version: spec.version, description: spec.description },
    policies: spec.policies,
    clock: ctx.clock,
  });
  await app.register(databasePlugin, { database: ctx.database });
  await app.register(jobsPlugin, {
    database: ctx.database,
    databaseUrl: ctx.config.databaseUrl,
    logger: ctx.logger,
    clock: ctx.clock,
    role: ctx.config.role,
    appSecret: ctx.config.appSecret,
    shutdownTimeoutMs: ctx.config.shutdownTimeoutMs,
    pollingIntervalSeconds: ctx.config.nodeEnv === 'test' ? 0.5 : 2,
    // Jobs of a dead worker (no heartbeat for JOBS_HEARTBEAT_SECONDS) are failed, and so retried
    // elsewhere, at the next supervision pass: every 15 s keeps a takeover well under a minute.
    superviseIntervalSeconds: ctx.config.nodeEnv === 'test' ? 1 : 15,
    cronMonitorIntervalSeconds: ctx.config.nodeEnv === 'test' ? 5 : 30,
    monitorIntervalSeconds: ctx.config.nodeEnv === 'test' ? 1 : 15,
    heartbeatSeconds: ctx.config.jobsHeartbeatSeconds,
  });
  await app.register(backupsPlugin, {
    app: ctx.config.app,
    database: ctx.database,
    dataDir: ctx.config.dataDir,
    clock: ctx.clock,
    logger: ctx.logger,
    keep: ctx.config.backupKeep,
    schedule: ctx.config.backupSchedule,
  });
  await app.register(mailPlugin, {
    logger: ctx.logger,
    smtpUrl: ctx.config.smtpUrl,
    from: ctx.config.mailFrom,
    dataDir: ctx.config.dataDir,
    appSecret: ctx.config.appSecret,
    keepSentHours: ctx.config.mailKeepSentHours,
    retryDelaySeconds: ctx.config.nodeEnv === 'test' ? 1 : 30,
  });
  await app.register(livePlugin, {
    redisUrl: ctx.config.redisUrl,
    redisPrefix: ctx.config.redisPrefix,
    logger: ctx.logger,
  });
  await app.register(spec.plugin, ctx);
  // The UI last: a catch-all GET for what no route of the app or the platform answers.
  if (spec.web && ctx.config.role !== 'worker') {
    await app.register(webAppPlugin, { root: spec.web.root, privatePaths: spec.web.privatePaths ?? [] });
  }
  return app;
}
