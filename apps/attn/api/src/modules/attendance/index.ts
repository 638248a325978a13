// What other modules may use of the attendance module: the module, the reads of check-ins that
// other pages show (the live stream's snapshot, whether a student has checked in, the reports'
// queries over the live and archived check-ins), and the types of the answers for the web
// front end (`import type` only).
import type { Db } from '@campus/platform/db';
import { createCheckinsRepository } from './checkins.repository.ts';
import { createReportsRepository } from './reports.repository.ts';

export { attendanceModule } from './attendance.module.ts';
export type { CheckInBody, CheckInResponse, TicketBody, TicketResponse } from './checkins.schemas.ts';
export type { ExcuseBody, ExcuseCategory, ExcusedAbsence, ExcuseList } from './excuses.schemas.ts';
export type { MarkBody, MarkedCheckin, UnmarkBody } from './marks.schemas.ts';
export type {
  ExportRow,
  HistoryRow,
  SessionCountsRow,
  SessionRow as ReportSessionRow,
  StudentStandingRow,
  StudentSummaryRow,
} from './reports.repository.ts';
export type { ReviewBody, ReviewItem, ReviewList, ReviewResult } from './review.schemas.ts';
export type { CheckinListResponse } from './session-checkins.schemas.ts';
export { refusals } from './use-cases/checkin-gate.ts';

/** The session's check-ins as the teacher's live stream starts from them, oldest first. */
export const listLiveCheckins = (db: () => Db, sessionId: string) =>
  createCheckinsRepository(db).listLive(sessionId);

/** The ids of those of `sessionIds` that the student has checked in to. */
export async function listCheckedInSessions(db: () => Db, studentId: string, sessionIds: string[]) {
  return new Set(await createCheckinsRepository(db).listCheckedIn(studentId, sessionIds));
}

/** The reports' reads of attendance: live and archived check-ins alike. */
export const attendanceReports = (db: () => Db) => createReportsRepository(db);
export type AttendanceReports = ReturnType<typeof attendanceReports>;
export { attendanceForPrivacy, type PrivacyCheckin } from './attendance.privacy.ts';
