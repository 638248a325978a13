// Admins as one module: the welcome mail template, the hourly sweep of spent refresh tokens
// (the platform's sweep queue), the login routes under /api/admin/auth and the account routes
// under /api/admin. The authentication itself (admins.auth.ts) is built once by the app, which
// shares it: it puts the bearer authenticator on every route.
import type { AuditLog } from '@campus/platform/audit';
import { scheduleAuthSweep } from '@campus/platform/auth';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { FastifyPluginAsync } from 'fastify';
import { adminsAuthRoutes } from './admins.auth.routes.ts';
import type { AdminAuth } from './admins.auth.ts';
import type { AdminsContext } from './admins.context.ts';
import { adminPasswordReset, adminWelcome } from './admins.mail.ts';
import { type AdminRow, createAdminsRepository } from './admins.repository.ts';
import { adminsRoutes } from './admins.routes.ts';
import { adminsTwoFactorRoutes } from './admins.two-factor.routes.ts';
import { addAdmin } from './use-cases/add-admin.ts';
import { getAdminContact } from './use-cases/get-admin-contact.ts';

export interface AdminsModuleOptions {
  auth: AdminAuth;
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
  corsOrigins: readonly string[];
}

export const adminsModule: FastifyPluginAsync<AdminsModuleOptions> = async (app, opts) => {
  const { auth } = opts;
  const ctx: AdminsContext = {
    db: app.db,
    repo: auth.admins,
    auth,
    audit: opts.audit,
    mail: app.mail,
    clock: opts.clock,
    publicUrl: opts.publicUrl,
  };
  app.mail.template(adminWelcome);
  app.mail.template(adminPasswordReset);
  // Spent and expired refresh tokens are deleted hourly (once across all instances).
  scheduleAuthSweep(app.jobs, {
    name: 'auth-sweep',
    cron: '17 * * * *',
    deleteExpired: () => auth.refresh.sweep(app.db),
    logger: app.log,
    what: 'expired refresh tokens',
  });
  await app.register(adminsAuthRoutes, { prefix: '/api/admin/auth', ctx, corsOrigins: opts.corsOrigins });
  await app.register(adminsRoutes, { prefix: '/api/admin', ctx });
  await app.register(adminsTwoFactorRoutes, { prefix: '/api/admin', ctx });
};

/** An admin's name and address by id, for the mails other modules send them. */
export function adminContacts(db: () => Db) {
  const repo = createAdminsRepository(db);
  return (id: string) => getAdminContact({ repo }, { id });
}

/** Adds an admin with a password already hashed, audited as made from the command line. */
export function adminAdder(deps: { db: Db; audit: Pick<AuditLog, 'record'> }) {
  const ctx = { db: deps.db, repo: createAdminsRepository(() => deps.db), audit: deps.audit };
  return (input: Parameters<typeof addAdmin>[1]): Promise<AdminRow | undefined> => addAdmin(ctx, input);
}
