// What app.ts (and the web front end, types only) may use of the backups module.
export type { BackupListResponse, CreatedBackupResponse } from '@campus/platform/backup';
export { backupsModule } from './backups.module.ts';
