// Opening an attendance session: only by a teacher of the course, one open session per course
// at a time (a second would split the class between two codes), audited in the same
// transaction. The course row is locked while checking, so two opens at once cannot both pass.
// Every allowed network must be a CIDR (a bare address is one host); each that is not is named.
import { AppError, conflict, type ErrorDetail, notFound } from '@campus/platform/errors';
import { assertTeaches, lockCourse } from '../../courses/index.ts';
import { parseCidr } from '../networks.ts';
import type { Actor, SessionsContext } from '../sessions.context.ts';
import type { SessionRow } from '../sessions.repository.ts';

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

/** The networks that are not CIDRs, as validation details (pure). */
export function invalidNetworks(cidrs: readonly string[]): ErrorDetail[] {
  return cidrs.flatMap((cidr, i) =>
    parseCidr(cidr) ? [] : [{ field: `body.allowed_networks.${i}`, message: `"${cidr}" is not a CIDR` }],
  );
}

export async function openSession(
  ctx: Pick<SessionsContext, 'db' | 'repo' | 'audit' | 'clock'>,
  input: OpenSessionInput,
  who: Actor,
): Promise<SessionRow> {
  const bad = invalidNetworks(input.allowedNetworks);
  if (bad.length > 0) throw new AppError('VALIDATION_FAILED', 'The request is invalid', { details: bad });
  const { repo, clock } = ctx;
  const allowedNetworks = input.allowedNetworks.map((c) => c.trim());
  await assertTeaches(ctx.db(), input.courseId, input.teacherId);
  return ctx.db().transaction(async (tx) => {
    if (!(await lockCourse(tx, input.courseId))) throw notFound('Course');
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
        allowedNetworks,
      },
      tx,
    );
    await ctx.audit.record(tx, {
      ...who,
      action: 'attendance_session.opened',
      entity: 'attendance_session',
      entityId: session.id,
      changes: {
        course_id: input.courseId,
        duration_minutes: input.durationMinutes,
        selfie_required: input.selfieRequired,
        allowed_networks: allowedNetworks.length,
      },
    });
    return session;
  });
}
