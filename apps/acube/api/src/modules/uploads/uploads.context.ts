// What the upload use cases share, built once by uploads.module.ts. The files themselves are
// the platform's store; uploads have no table of their own.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';

export interface UploadsContext {
  db: Db;
  audit: Pick<AuditLog, 'record'>;
  files: Pick<Files, 'store' | 'read'>;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
