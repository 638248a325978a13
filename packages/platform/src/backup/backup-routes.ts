// Admin routes over backups, for an app to mount under its admin prefix with its own role and
// policy: list the backups in DATA_DIR/backups, and make one now. Every backup made is written
// to the audit log (the file's name and size). On PostgreSQL making one answers 409 with the
// pg_dump advice: one instance's disk is no place for the cluster's backups.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { type AuditLog, auditContext } from '../audit/audit-log.ts';
import { AppError } from '../errors.ts';
import type { Access } from '../guard/types.ts';
import { errorResponses } from '../http/schemas.ts';
import { POSTGRES_BACKUP_ADVICE } from './backup-plugin.ts';

export interface BackupAdminOptions {
  access: Access;
  rateLimit: string;
  audit: AuditLog;
}

const BackupItem = Type.Object({
  name: Type.String(),
  bytes: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
});
const BackupList = Type.Object({
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  folder: Type.String(),
  items: Type.Array(BackupItem),
});
const CreatedBackup = Type.Object({
  name: Type.String(),
  bytes: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
  files: Type.Integer(),
  migrations: Type.Object({ platform: Type.Integer(), app: Type.Integer() }),
});

/** What GET / answers (for a front end's types). */
export type BackupListResponse = Static<typeof BackupList>;
/** What POST / answers. */
export type CreatedBackupResponse = Static<typeof CreatedBackup>;

export const backupAdminRoutes: FastifyPluginAsyncTypebox<BackupAdminOptions> = async (app, opts) => {
  const config = { access: opts.access, rateLimit: opts.rateLimit };

  app.get(
    '/',
    {
      config,
      schema: {
        tags: ['backups'],
        summary: 'The backups in DATA_DIR/backups, newest first',
        response: { 200: BackupList, ...errorResponses(401, 403) },
      },
    },
    async () => ({
      database: app.backups.embedded ? ('pglite' as const) : ('postgres' as const),
      folder: app.backups.folder,
      items: (await app.backups.list()).map((f) => ({
        name: f.name,
        bytes: f.bytes,
        created_at: f.createdAt.toISOString(),
      })),
    }),
  );

  app.post(
    '/',
    {
      config,
      schema: {
        tags: ['backups'],
        summary: 'Back up the embedded database and the uploaded files now (PostgreSQL: 409, use pg_dump)',
        response: { 201: CreatedBackup, ...errorResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
      if (!app.backups.embedded) throw new AppError('CONFLICT', POSTGRES_BACKUP_ADVICE);
      const backup = await app.backups.create('admin');
      await opts.audit.record(app.db, {
        ...auditContext(request),
        action: 'backup.created',
        entity: 'backup',
        entityId: backup.name,
        changes: { bytes: backup.bytes, files: backup.manifest.files },
      });
      return reply.code(201).send({
        name: backup.name,
        bytes: backup.bytes,
        created_at: backup.manifest.createdAt,
        files: backup.manifest.files,
        migrations: backup.manifest.migrations,
      });
    },
  );
};
