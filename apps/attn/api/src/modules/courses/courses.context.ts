// What the courses use cases share, built once by courses.module.ts.
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { CoursesRepository } from './courses.repository.ts';

export interface CoursesContext {
  db: () => Db;
  repo: CoursesRepository;
  audit: AuditLog;
  clock: Clock;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
