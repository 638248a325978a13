// What a privacy request and the face retention schedule read or remove of attendance (the
// privacy module, through index.ts): a student's check-ins from the live table and the archive,
// their excused absences (with the teacher's note: it is about the student), the time of their
// latest check-in, and the selfies kept of them for review. The verification verdict leaves
// here with its reason in words; the engine's numbers (similarity, spoof and liveness scores)
// never do.
import type { Db } from '@campus/platform/db';
import type { Files } from '@campus/platform/files';
import { and, asc, eq, inArray, isNotNull, max } from 'drizzle-orm';
import {
  attendanceSessions,
  checkins,
  checkinsArchive,
  courses,
  excusedAbsences,
  type verificationStatuses,
} from '../../db/schema/index.ts';
import { qualityIssuesOf, reviewReason } from './use-cases/review-reason.ts';
import { verificationRepository } from './verification.repository.ts';

export interface PrivacyCheckin {
  courseCode: string;
  courseTitle: string;
  sessionId: string;
  sessionTitle: string | null;
  sessionOpenedAt: Date;
  status: 'present' | 'late';
  source: string;
  checkedInAt: Date;
  deviceId: string | null;
  ip: string | null;
  /** The teacher's reason for a mark by hand or a review decision. */
  reason: string | null;
  verification: (typeof verificationStatuses)[number];
  /** Why the verdict is what it is, in the review's words; null where no selfie was asked for. */
  verificationReason: string | null;
  verifiedAt: Date | null;
  reviewedAt: Date | null;
  selfieKept: boolean;
  archived: boolean;
}

type CheckinTable = typeof checkins | typeof checkinsArchive;

async function checkinsOf(db: Db, table: CheckinTable, studentId: string, archived: boolean) {
  const rows = await db
    .select({
      courseCode: courses.code,
      courseTitle: courses.title,
      sessionId: table.sessionId,
      sessionTitle: attendanceSessions.title,
      sessionOpenedAt: attendanceSessions.openedAt,
      status: table.status,
      source: table.source,
      checkedInAt: table.checkedInAt,
      deviceId: table.deviceId,
      ip: table.ip,
      reason: table.reason,
      verification: table.verification,
      verifiedAt: table.verifiedAt,
      reviewedAt: table.reviewedAt,
      selfieFileId: table.selfieFileId,
      // Read to name the reason only; never returned.
      similarity: table.similarity,
      faceCount: table.faceCount,
      attempts: table.verificationAttempts,
    })
    .from(table)
    .innerJoin(attendanceSessions, eq(attendanceSessions.id, table.sessionId))
    .innerJoin(courses, eq(courses.id, attendanceSessions.courseId))
    .where(eq(table.studentId, studentId));
  return rows.map(
    ({ similarity, faceCount, attempts, selfieFileId, ...row }): PrivacyCheckin => ({
      ...row,
      // The job's quality note is not the teacher's reason: it is named by verificationReason.
      reason: qualityIssuesOf(row.reason).length > 0 ? null : row.reason,
      verificationReason:
        row.verification === 'not_required' || row.verification === 'pending'
          ? null
          : reviewReason({
              similarity,
              faceCount,
              attempts,
              reason: row.reason,
              verification: row.verification,
              verifiedAt: row.verifiedAt,
              reviewedAt: row.reviewedAt,
            }),
      selfieKept: selfieFileId !== null,
      archived,
    }),
  );
}

export function attendanceForPrivacy(db: () => Db) {
  return {
    /** Every check-in of the student, live and archived, oldest first. */
    async listCheckins(studentId: string): Promise<PrivacyCheckin[]> {
      const all = [
        ...(await checkinsOf(db(), checkins, studentId, false)),
        ...(await checkinsOf(db(), checkinsArchive, studentId, true)),
      ];
      return all.sort((a, b) => a.checkedInAt.getTime() - b.checkedInAt.getTime());
    },

    /** Every excused absence of the student, with its category and the teacher's note. */
    listExcuses: (studentId: string) =>
      db()
        .select({
          courseCode: courses.code,
          sessionId: excusedAbsences.sessionId,
          sessionTitle: attendanceSessions.title,
          sessionOpenedAt: attendanceSessions.openedAt,
          category: excusedAbsences.category,
          note: excusedAbsences.note,
          recordedAt: excusedAbsences.recordedAt,
        })
        .from(excusedAbsences)
        .innerJoin(attendanceSessions, eq(attendanceSessions.id, excusedAbsences.sessionId))
        .innerJoin(courses, eq(courses.id, attendanceSessions.courseId))
        .where(eq(excusedAbsences.studentId, studentId))
        .orderBy(asc(attendanceSessions.openedAt)),

    /** The latest check-in (live or archived) of each of `studentIds` that has one. */
    async lastCheckins(studentIds: string[]): Promise<Map<string, Date>> {
      const result = new Map<string, Date>();
      if (studentIds.length === 0) return result;
      for (const table of [checkins, checkinsArchive]) {
        const rows = await db()
          .select({ studentId: table.studentId, at: max(table.checkedInAt) })
          .from(table)
          .where(inArray(table.studentId, studentIds))
          .groupBy(table.studentId);
        for (const r of rows) {
          const at = r.at ? new Date(r.at) : null;
          const known = result.get(r.studentId);
          if (at && (!known || at > known)) result.set(r.studentId, at);
        }
      }
      return result;
    },

    /** How many selfies of the student are kept (for a teacher's review). */
    async countKeptSelfies(studentId: string): Promise<number> {
      return (await keptSelfies(db(), studentId)).length;
    },

    /**
     * Deletes every selfie kept of the student: the check-in forgets it first, then the file
     * goes (as the selfie sweep does). The check-in stays, with its verdict. The count deleted.
     */
    async deleteKeptSelfies(files: Files, studentId: string): Promise<number> {
      let deleted = 0;
      for (const row of await keptSelfies(db(), studentId)) {
        if (!row.selfieFileId) continue;
        if (!(await verificationRepository.clearSelfie(db(), row.id, row.selfieFileId))) continue;
        await files.remove(row.selfieFileId);
        deleted++;
      }
      return deleted;
    },
  };
}

const keptSelfies = (db: Db, studentId: string) =>
  db
    .select({ id: checkins.id, selfieFileId: checkins.selfieFileId })
    .from(checkins)
    .where(and(eq(checkins.studentId, studentId), isNotNull(checkins.selfieFileId)));
