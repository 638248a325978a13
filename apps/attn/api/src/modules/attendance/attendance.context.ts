// What the attendance use cases share, built once by attendance.module.ts.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import type { Logger } from 'pino';
import type { AttnLive } from '../../live-channel.ts';
import type { FacePool } from '../face/index.ts';
import type { CheckinsRepository } from './checkins.repository.ts';

export interface AttendanceContext {
  db: () => Db;
  checkins: CheckinsRepository;
  audit: AuditLog;
  clock: Clock;
  /** The teacher's live view, told after each committed change. */
  live: AttnLive;
  logger: Logger;
  /** Selfies, from the check-in until their verdict or review. */
  files: Files;
  faces: FacePool;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
