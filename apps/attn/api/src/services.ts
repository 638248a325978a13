// What ATTN's feature modules are given: built once in app.ts, passed to each module's plugin.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import type { Logger } from 'pino';
import type { AttnConfig } from './config.ts';
import type { AttnLive } from './live-channel.ts';
import type { FacePool } from './modules/face/index.ts';
import type { SisClient } from './modules/sis/index.ts';

export interface AttnServices {
  config: AttnConfig;
  clock: Clock;
  logger: Logger;
  db: () => Db;
  audit: AuditLog;
  /** The teachers' live view: publish(sessionId, event) after a committed change. */
  live: AttnLive;
  /** Face analysis in worker threads (started on first use, models loaded once per thread). */
  faces: FacePool;
  /** The platform's file store: selfies waiting for verification or review. */
  files: Files;
  /** The SIS adapter where SIS_URL is set (SIS people's passwords are checked there); else null. */
  sis: SisClient | null;
}
