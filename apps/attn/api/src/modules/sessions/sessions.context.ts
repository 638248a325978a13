// What the sessions use cases share, built once by sessions.module.ts.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { SessionsRepository } from './sessions.repository.ts';

export interface SessionsContext {
  db: () => Db;
  repo: SessionsRepository;
  audit: AuditLog;
  clock: Clock;
  /** APP_SECRET (the codes' keys derive from it) and PUBLIC_URL (the QR code's link). */
  appSecret: string;
  publicUrl: string;
  /** Told of each session just closed, after the commit (the teacher's live view). */
  onClosed(sessionId: string, closedAt: Date): void;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
