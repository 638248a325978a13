// What the privacy use cases share, built once by privacy.module.ts: the other modules' privacy
// adapters (through their index.ts), the file store for kept selfies, and the retention period.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import type { Logger } from 'pino';
import type { attendanceForPrivacy } from '../attendance/index.ts';
import type { accountsForPrivacy } from '../auth/index.ts';
import type { coursesForPrivacy } from '../courses/index.ts';
import type { faceForPrivacy } from '../face/index.ts';

export interface PrivacyContext {
  db: () => Db;
  audit: AuditLog;
  clock: Clock;
  files: Files;
  logger: Logger;
  /** FACE_RETENTION_DAYS. */
  retentionDays: number;
  accounts: ReturnType<typeof accountsForPrivacy>;
  courses: ReturnType<typeof coursesForPrivacy>;
  attendance: ReturnType<typeof attendanceForPrivacy>;
  face: ReturnType<typeof faceForPrivacy>;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
