// Reads for the live stream: the session's course (for access) and its check-ins as the
// teacher's screen shows them.
import type { Db } from '@campus/platform/db/database.ts';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { attendanceSessions, checkins, users } from '../../db/schema/index.ts';

const others = alias(checkins, 'others');

export function createLiveRepository(db: () => Db) {
  return {
    async getSession(sessionId: string) {
      const [row] = await db()
        .select({ id: attendanceSessions.id, courseId: attendanceSessions.courseId })
        .from(attendanceSessions)
        .where(eq(attendanceSessions.id, sessionId));
      return row;
    },

    /** Every check-in of the session, oldest first, flagged where a device served several students. */
    listCheckins(sessionId: string) {
      return db()
        .select({
          id: checkins.id,
          studentId: users.id,
          schoolNumber: users.schoolNumber,
          fullName: users.fullName,
          status: checkins.status,
          checkedInAt: checkins.checkedInAt,
          verification: checkins.verification,
          source: checkins.source,
          deviceFlagged: sql<boolean>`exists (${db()
            .select({ one: sql`1` })
            .from(others)
            .where(
              and(
                eq(others.sessionId, checkins.sessionId),
                eq(others.deviceId, checkins.deviceId),
                ne(others.studentId, checkins.studentId),
              ),
            )})`,
        })
        .from(checkins)
        .innerJoin(users, eq(users.id, checkins.studentId))
        .where(eq(checkins.sessionId, sessionId))
        .orderBy(asc(checkins.checkedInAt), asc(checkins.id));
    },
  };
}

export type LiveRepository = ReturnType<typeof createLiveRepository>;
