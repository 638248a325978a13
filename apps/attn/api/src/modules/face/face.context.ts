// What the face use cases share, built once by face.module.ts.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { FacePool } from './engine/pool.ts';

export interface FaceContext {
  db: () => Db;
  audit: AuditLog;
  clock: Clock;
  faces: FacePool;
}
