// What the privacy use cases share, built once by privacy.module.ts. The records are reached
// through their own modules (`records`), the mails through the platform's mailer (`mailbox`).
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { PersonalRecords } from '../submissions/index.ts';
import type { RecordKind } from './privacy.schemas.ts';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/** The mails queued for, or kept of, one address: the platform's mail jobs and mail files. */
export interface Mailbox {
  find(address: string): Promise<Record<string, unknown>[]>;
  forget(address: string): Promise<{ jobs: number; files: number }>;
}

export interface PrivacyContext {
  db: Db;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
  /** Each kind of record through its module's `<feature>ForPrivacy` adapter. */
  records: Record<RecordKind, PersonalRecords>;
  mailbox: Mailbox;
  /** RETENTION_DAYS: closed records are erased this long after their last change; 0 never. */
  retentionDays: number;
}
