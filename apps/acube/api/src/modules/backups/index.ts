// Backups (the platform's admin routes, mounted for A-Cube): what the app and the web may use.
export type { BackupListResponse, CreatedBackupResponse } from '@campus/platform/backup';
export { backupsModule } from './backups.module.ts';
