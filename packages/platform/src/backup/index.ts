// @campus/platform/backup: backups of the embedded database and its files, the admin routes an
// app mounts, and the command line's backup and restore.
export * from './backup-commands.ts';
export * from './backup-plugin.ts';
export * from './backup-routes.ts';
export * from './embedded-backup.ts';
export * from './manifest.ts';
export * from './postgres-backup.ts';
