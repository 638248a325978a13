// Admin accounts (superadmins only): list, create (a welcome mail carries a link to choose the
// password; nobody else ever knows it), disable or re-enable, change role. Disabling ends every
// login of that admin at once. Plus the public end of the welcome link: set the password.
import { auditContext } from '@campus/platform/audit';
import { errorResponses } from '@campus/platform/http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdminsContext } from './admins.context.ts';
import {
  AdminItem,
  AdminList,
  AdminParams,
  CreateAdminBody,
  PasswordResetAccepted,
  PasswordResetBody,
  SetPasswordBody,
  SetPasswordResponse,
  toAdminItem,
  toAdminView,
  UpdateAdminBody,
} from './admins.schemas.ts';
import { createAdmin } from './use-cases/create-admin.ts';
import { listAdmins } from './use-cases/list-admins.ts';
import { requestPasswordReset } from './use-cases/request-password-reset.ts';
import { setAdminPassword } from './use-cases/set-admin-password.ts';
import { updateAdmin } from './use-cases/update-admin.ts';

const config = { rateLimit: 'admin', access: ['superadmin'] } as const;

export const adminsRoutes: FastifyPluginAsyncTypebox<{ ctx: AdminsContext }> = async (app, { ctx }) => {
  app.get(
    '/admins',
    {
      config,
      schema: {
        tags: ['admins'],
        summary: 'Admin accounts (superadmins)',
        response: { 200: AdminList, ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: (await listAdmins(ctx)).map(toAdminItem) }),
  );

  app.post(
    '/admins',
    {
      config,
      schema: {
        tags: ['admins'],
        summary: 'Create an admin; they are mailed a link to choose their password',
        body: CreateAdminBody,
        response: { 201: AdminItem, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const row = await createAdmin(ctx, { fields: request.body, who: auditContext(request) });
      request.log.info(
        { event: 'admin.created', adminId: row.id, role: row.role, by: request.principal?.id },
        'admin created',
      );
      return reply.code(201).send(toAdminItem(row));
    },
  );

  app.patch(
    '/admins/:id',
    {
      config,
      schema: {
        tags: ['admins'],
        summary: 'Disable or re-enable an admin, or change their role; disabling ends their logins',
        params: AdminParams,
        body: UpdateAdminBody,
        response: { 200: AdminItem, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { admin, changes } = await updateAdmin(ctx, {
        id: request.params.id,
        changes: request.body,
        who: auditContext(request),
      });
      if (Object.keys(changes).length > 0) {
        request.log.info(
          { event: 'admin.updated', adminId: admin.id, changes, by: request.principal?.id },
          'admin updated',
        );
      }
      return toAdminItem(admin);
    },
  );

  app.post(
    '/auth/set-password',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        tags: ['admin auth'],
        summary: 'Choose your password with the link of the welcome mail',
        body: SetPasswordBody,
        response: { 200: SetPasswordResponse, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const row = await setAdminPassword(ctx, { ...request.body, who: auditContext(request) });
      request.log.info({ event: 'admin.password_set', adminId: row.id }, 'admin chose a password');
      return { admin: toAdminView(row) };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        tags: ['admin auth'],
        summary:
          'Mail a one-time link to choose a new password; always 202, whether the address has an account or not',
        body: PasswordResetBody,
        response: { 202: PasswordResetAccepted, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { sent } = await requestPasswordReset(ctx, {
        email: request.body.email,
        who: auditContext(request),
      });
      // Only the outcome, never the address: a log reader cannot enumerate accounts either.
      request.log.info({ event: 'admin.password_reset_requested', mailed: sent }, 'password reset asked');
      return reply.code(202).send({
        message: 'If this address has an account, a link to choose a new password is on its way.',
      });
    },
  );
};
