// Contact as one module: its mail template, its repository and use-case context built once,
// its routes under the prefix it is registered with (/api/contact).
import type { AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { FastifyPluginAsync } from 'fastify';
import { contactReceived } from './contact.mail.ts';
import { createContactRepository } from './contact.repository.ts';
import { contactRoutes } from './contact.routes.ts';

export const contactModule: FastifyPluginAsync<{ audit: AuditLog; clock: Clock }> = async (app, opts) => {
  app.mail.template(contactReceived);
  const ctx = {
    db: app.db,
    repo: createContactRepository(() => app.db),
    audit: opts.audit,
    clock: opts.clock,
    mail: app.mail,
    log: app.log,
  };
  await app.register(contactRoutes, { ctx });
};
