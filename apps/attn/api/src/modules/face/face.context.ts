// What the face use cases share, built once by face.module.ts.
import type { AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db } from '@campus/platform/db/database.ts';
import type { FacePool } from './engine/pool.ts';

export interface FaceContext {
  db: () => Db;
  audit: AuditLog;
  clock: Clock;
  faces: FacePool;
}
