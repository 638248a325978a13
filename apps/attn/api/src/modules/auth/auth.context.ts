// What the auth use cases share, built once by auth.module.ts.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Db } from '@campus/platform/db';
import type { AttnAuth } from './auth.ts';

export interface AuthContext {
  db: Db;
  auth: AttnAuth;
  audit: Pick<AuditLog, 'record'>;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
