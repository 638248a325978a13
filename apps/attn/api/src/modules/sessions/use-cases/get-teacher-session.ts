// A teacher acts only on the sessions of the courses they teach: an unknown session is a 404,
// someone else's a 403 (the courses module's one "teaches this course" check).
import type { Db, Tx } from '@campus/platform/db';
import { notFound } from '@campus/platform/errors';
import { assertTeaches, type CourseRef } from '../../courses/index.ts';
import { createSessionsRepository, type SessionRow } from '../sessions.repository.ts';

/** The session and its course, if the session exists and its course is one this teacher teaches. */
export async function getTeacherSession(
  db: Db | Tx,
  input: { teacherId: string; sessionId: string },
): Promise<{ session: SessionRow; course: CourseRef }> {
  const session = await createSessionsRepository(() => db as Db).getById(input.sessionId, db);
  if (!session) throw notFound('Attendance session');
  const course = await assertTeaches(db, session.courseId, input.teacherId);
  return { session, course };
}
