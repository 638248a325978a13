// What the reports use cases share, built once by reports.module.ts. The check-ins they read
// belong to the attendance module, whose index.ts gives the reads (live and archived alike).
import type { AuditEntry, AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { AttendanceReports } from '../attendance/index.ts';

export interface ReportsContext {
  db: () => Db;
  reports: AttendanceReports;
  audit: AuditLog;
  clock: Clock;
}

/** Who acts, as the audit log records it. */
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
