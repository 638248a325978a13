// What the admin use cases share, built once by admins.module.ts.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Mailer } from '@campus/platform/mail';
import type { AdminAuth } from './admins.auth.ts';
import type { AdminsRepository } from './admins.repository.ts';

export interface AdminsContext {
  db: Db;
  repo: AdminsRepository;
  auth: Pick<AdminAuth, 'hasher' | 'access' | 'refresh' | 'throttle' | 'twoFactor'>;
  audit: Pick<AuditLog, 'record'>;
  mail: Pick<Mailer, 'send'>;
  clock: Clock;
  /** Where the welcome mail's link points: `<publicUrl>/admin/set-password?token=…`. */
  publicUrl: string;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
