// Volunteers as one module: its mail template, its repository and use-case context built once,
// its routes under the prefix it is registered with (/api/volunteers).
import type { AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { FastifyPluginAsync } from 'fastify';
import { volunteerReceived } from './volunteers.mail.ts';
import { createVolunteersRepository } from './volunteers.repository.ts';
import { volunteersRoutes } from './volunteers.routes.ts';

export const volunteersModule: FastifyPluginAsync<{ audit: AuditLog; clock: Clock }> = async (app, opts) => {
  app.mail.template(volunteerReceived);
  const ctx = {
    db: app.db,
    repo: createVolunteersRepository(() => app.db),
    audit: opts.audit,
    clock: opts.clock,
    mail: app.mail,
    log: app.log,
  };
  await app.register(volunteersRoutes, { ctx });
};
