// The retention schedule: face data of students on no active roster is deleted once
// FACE_RETENTION_DAYS have passed (see retention-rule.ts). Walks the students holding
// embeddings a page at a time; each deletion is its own short transaction (the face module's
// withdrawal). One audit entry a run holds the counts; the ids are in the withdrawals' own.
import type { PrivacyContext } from '../privacy.context.ts';
import { deleteFaceData } from './delete-face-data.ts';
import { isRetentionDue, utcDay } from './retention-rule.ts';

const PAGE = 200;

export interface RetentionRun {
  checked: number;
  students: number;
  embeddings: number;
  selfies: number;
}

export async function sweepFaceRetention(
  ctx: PrivacyContext,
  opts: { signal?: AbortSignal } = {},
): Promise<RetentionRun> {
  const now = ctx.clock.now();
  const run: RetentionRun = { checked: 0, students: 0, embeddings: 0, selfies: 0 };
  let after: string | undefined;
  for (;;) {
    opts.signal?.throwIfAborted();
    const holders = await ctx.face.listHolders(PAGE, after);
    if (holders.length === 0) break;
    after = holders.at(-1)?.userId;
    const ids = holders.map((h) => h.userId);
    const standing = await ctx.courses.rosterStanding(ids, utcDay(now));
    const lastCheckins = await ctx.attendance.lastCheckins(ids);
    for (const holder of holders) {
      run.checked++;
      const facts = {
        onActiveRoster: standing.get(holder.userId)?.onActiveRoster ?? false,
        lastTermEnd: standing.get(holder.userId)?.lastTermEnd ?? null,
        lastCheckinAt: lastCheckins.get(holder.userId) ?? null,
        lastEnrolledAt: holder.lastEnrolledAt ? new Date(holder.lastEnrolledAt) : null,
      };
      if (!isRetentionDue(facts, ctx.retentionDays, now)) continue;
      const deleted = await deleteFaceData(ctx, { studentId: holder.userId, who: { actorId: null } });
      run.students++;
      run.embeddings += deleted.embeddings_deleted;
      run.selfies += deleted.selfies_deleted;
    }
    if (holders.length < PAGE) break;
  }
  if (run.students > 0)
    await ctx.audit.record(ctx.db(), {
      action: 'privacy.face_retention.run',
      entity: 'face_data',
      changes: { ...run, retention_days: ctx.retentionDays },
    });
  ctx.logger.info({ event: 'face_retention.done', ...run }, 'face data retention run finished');
  return run;
}
