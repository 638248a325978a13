// A teacher acts only on the courses they teach (course_teachers): an unknown course or
// session is a 404, someone else's a 403.
import { forbidden, notFound } from '@campus/platform/errors.ts';
import type { SessionRow, SessionsRepository } from '../sessions.repository.ts';

const NOT_YOURS = 'You do not teach this course';

export async function assertTeaches(repo: SessionsRepository, teacherId: string, courseId: string) {
  if (await repo.teaches(teacherId, courseId)) return;
  if (!(await repo.courseExists(courseId))) throw notFound('Course');
  throw forbidden(NOT_YOURS);
}

/** The session, if it exists and belongs to one of this teacher's courses. */
export async function getTeacherSession(
  repo: SessionsRepository,
  teacherId: string,
  sessionId: string,
): Promise<SessionRow> {
  const session = await repo.getById(sessionId);
  if (!session) throw notFound('Attendance session');
  if (!(await repo.teaches(teacherId, session.courseId))) throw forbidden(NOT_YOURS);
  return session;
}
