// Admin accounts (superadmins only): list, create (a welcome mail carries a link to choose the
// password; nobody else ever knows it), disable or re-enable, change role. Disabling ends every
// login of that admin at once. Plus the public end of the welcome link: set the password.
import { type AuditLog, auditContext } from '@campus/platform/audit/audit-log.ts';
import { MAX_PASSWORD_LENGTH } from '@campus/platform/auth/passwords.ts';
import { hashToken, newToken } from '@campus/platform/auth/tokens.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import { conflict, fromDatabaseError, notFound, unauthenticated } from '@campus/platform/errors.ts';
import { errorResponses } from '@campus/platform/http/schemas.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, asc, eq, gt } from 'drizzle-orm';
import { Type } from 'typebox';
import { MIN_PASSWORD_LENGTH } from '../../commands/create-admin.ts';
import { admins } from '../../db/schema/admins.ts';
import { adminView } from './admin-auth.routes.ts';
import type { AdminAuth } from './admin-auth.ts';
import { adminWelcome } from './admins.mail.ts';

const SETUP_HOURS = 48;
const Role = Type.Union([Type.Literal('superadmin'), Type.Literal('staff')]);
const AdminItem = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  disabled: Type.Boolean(),
  password_set: Type.Boolean(),
  created_at: Type.String(),
});

export const adminsRoutes: FastifyPluginAsyncTypebox<{
  auth: AdminAuth;
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
}> = async (app, { auth, audit, clock, publicUrl }) => {
  const item = (a: typeof admins.$inferSelect) => ({
    id: a.id,
    email: a.email,
    name: a.name,
    role: a.role,
    disabled: a.disabledAt !== null,
    password_set: a.setupTokenHash === null,
    created_at: a.createdAt.toISOString(),
  });
  const config = { rateLimit: 'admin', access: ['superadmin'] as const };

  app.get(
    '/admins',
    {
      config,
      schema: {
        tags: ['admins'],
        summary: 'Admin accounts (superadmins)',
        response: { 200: Type.Object({ items: Type.Array(AdminItem) }), ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: (await app.db.select().from(admins).orderBy(asc(admins.createdAt))).map(item) }),
  );

  app.post(
    '/admins',
    {
      config,
      schema: {
        tags: ['admins'],
        summary: 'Create an admin; they are mailed a link to choose their password',
        body: Type.Object({
          email: Type.String({ format: 'email', maxLength: 254 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          role: Role,
        }),
        response: { 201: AdminItem, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const token = newToken();
      const expires = new Date(clock.nowMs() + SETUP_HOURS * 3600_000);
      const unusable = await auth.hasher.hash(newToken());
      const row = await app.db
        .transaction(async (tx) => {
          const created = await auth.admins.insert(tx, {
            email: request.body.email,
            name: request.body.name,
            role: request.body.role,
            passwordHash: unusable,
          });
          await tx
            .update(admins)
            .set({ setupTokenHash: hashToken(token), setupTokenExpiresAt: expires })
            .where(eq(admins.id, created.id));
          await audit.record(tx, {
            ...auditContext(request),
            action: 'admin.created',
            entity: 'admin',
            entityId: created.id,
            changes: { role: created.role },
          });
          await app.mail.send(
            adminWelcome,
            created.email,
            {
              name: created.name,
              role: created.role,
              hours: SETUP_HOURS,
              link: `${publicUrl}/admin/set-password?token=${encodeURIComponent(token)}`,
            },
            { tx },
          );
          return { ...created, setupTokenHash: hashToken(token) };
        })
        .catch((err) => {
          throw fromDatabaseError(err, { unique: 'An admin with this e-mail exists already' });
        });
      request.log.info(
        { event: 'admin.created', adminId: row.id, role: row.role, by: request.principal?.id },
        'admin created',
      );
      return reply.code(201).send(item(row));
    },
  );

  app.patch(
    '/admins/:id',
    {
      config,
      schema: {
        tags: ['admins'],
        summary: 'Disable or re-enable an admin, or change their role; disabling ends their logins',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          { disabled: Type.Optional(Type.Boolean()), role: Type.Optional(Role) },
          { minProperties: 1 },
        ),
        response: { 200: AdminItem, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      if (request.params.id === request.principal?.id)
        throw conflict('You cannot disable yourself or change your own role');
      const before = await auth.admins.findById(request.params.id);
      if (!before) throw notFound('Admin');
      const changes: Record<string, unknown> = {};
      const set: Partial<typeof admins.$inferInsert> = {};
      if (request.body.disabled !== undefined && request.body.disabled !== (before.disabledAt !== null)) {
        set.disabledAt = request.body.disabled ? clock.now() : null;
        changes.disabled = request.body.disabled;
      }
      if (request.body.role && request.body.role !== before.role) {
        set.role = request.body.role;
        changes.role = { from: before.role, to: request.body.role };
      }
      if (Object.keys(set).length === 0) return item(before);
      const after = await app.db.transaction(async (tx) => {
        const [row] = await tx.update(admins).set(set).where(eq(admins.id, before.id)).returning();
        if (request.body.disabled) await auth.refresh.revokeSubject(tx, before.id);
        await audit.record(tx, {
          ...auditContext(request),
          action: 'admin.updated',
          entity: 'admin',
          entityId: before.id,
          changes,
        });
        return row ?? before;
      });
      request.log.info(
        { event: 'admin.updated', adminId: before.id, changes, by: request.principal?.id },
        'admin updated',
      );
      return item(after);
    },
  );

  app.post(
    '/auth/set-password',
    {
      config: { rateLimit: 'auth', access: 'public' },
      schema: {
        tags: ['admin auth'],
        summary: 'Choose your password with the link of the welcome mail',
        body: Type.Object({
          token: Type.String({ minLength: 20, maxLength: 100 }),
          password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH }),
        }),
        response: {
          200: Type.Object({
            admin: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String(), role: Role }),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const passwordHash = await auth.hasher.hash(request.body.password);
      const [row] = await app.db
        .update(admins)
        .set({ passwordHash, setupTokenHash: null, setupTokenExpiresAt: null })
        .where(
          and(
            eq(admins.setupTokenHash, hashToken(request.body.token)),
            gt(admins.setupTokenExpiresAt, clock.now()),
          ),
        )
        .returning();
      if (!row) throw unauthenticated('This link is not valid any more: ask a superadmin for a new one');
      await audit.record(app.db, {
        ...auditContext(request),
        actorId: row.id,
        action: 'admin.password_set',
        entity: 'admin',
        entityId: row.id,
      });
      request.log.info({ event: 'admin.password_set', adminId: row.id }, 'admin chose a password');
      return { admin: adminView(row) };
    },
  );
};
