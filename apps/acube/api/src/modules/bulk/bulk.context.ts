// What the bulk use cases share, built once by bulk.module.ts. The records an operation changes
// are reached through their own modules (`targets`), never through their tables.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import type { JobSystem } from '@campus/platform/jobs';
import type { Mailer } from '@campus/platform/mail';
import type { BulkEditable } from '../submissions/index.ts';
import type { BulkRepository } from './bulk.repository.ts';
import type { BulkEntity } from './bulk.schemas.ts';

export interface BulkContext {
  db: Db;
  repo: BulkRepository;
  targets: Record<BulkEntity, BulkEditable>;
  files: Pick<Files, 'storeGenerated'>;
  mail: Pick<Mailer, 'send'>;
  jobs: Pick<JobSystem, 'send' | 'progress'>;
  clock: Clock;
  /** The operation itself is audited here; each record changed, by its own module. */
  audit: Pick<AuditLog, 'record'>;
  log: { info(fields: object, msg: string): void; error(fields: object, msg: string): void };
  /** Where the report mail is sent: the admin's name and address, if the admin still exists. */
  adminContact(id: string): Promise<{ name: string; email: string } | undefined>;
  publicUrl: string;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
