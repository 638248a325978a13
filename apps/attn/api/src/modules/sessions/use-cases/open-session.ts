// Opening an attendance session: only by a teacher of the course, one open session per course
// at a time (a second would split the class between two codes), audited in the same
// transaction. The course row is locked while checking, so two opens at once cannot both pass.
import type { AuditEntry, AuditLog } from '@campus/platform/audit/audit-log.ts';
import type { Clock } from '@campus/platform/clock/clock.ts';
import type { Db } from '@campus/platform/db/database.ts';
import { conflict, notFound } from '@campus/platform/errors.ts';
import type { SessionRow, SessionsRepository } from '../sessions.repository.ts';
import { assertTeaches } from './teacher-access.ts';

export interface OpenSessionInput {
  courseId: string;
  teacherId: string;
  durationMinutes: number;
  selfieRequired: boolean;
  allowedNetworks: string[];
  lateAfterMinutes: number | null;
  codeStepSeconds: number;
  title: string | null;
}

export async function openSession(
  deps: { db: Db; repo: SessionsRepository; audit: AuditLog; clock: Clock },
  input: OpenSessionInput,
  who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
): Promise<SessionRow> {
  const { repo, clock } = deps;
  await assertTeaches(repo, input.teacherId, input.courseId);
  return deps.db.transaction(async (tx) => {
    if (!(await repo.lockCourse(input.courseId, tx))) throw notFound('Course');
    const now = clock.now();
    if (await repo.findOpenForCourse(input.courseId, now, tx))
      throw conflict('This course already has an open attendance session: close it first');
    const session = await repo.insert(
      {
        courseId: input.courseId,
        openedBy: input.teacherId,
        title: input.title,
        openedAt: now,
        endsAt: new Date(now.getTime() + input.durationMinutes * 60_000),
        codeStepSeconds: input.codeStepSeconds,
        lateAfterMinutes: input.lateAfterMinutes,
        selfieRequired: input.selfieRequired,
        allowedNetworks: input.allowedNetworks,
      },
      tx,
    );
    await deps.audit.record(tx, {
      ...who,
      action: 'attendance_session.opened',
      entity: 'attendance_session',
      entityId: session.id,
      changes: {
        course_id: input.courseId,
        duration_minutes: input.durationMinutes,
        selfie_required: input.selfieRequired,
        allowed_networks: input.allowedNetworks.length,
      },
    });
    return session;
  });
}
