// The retention schedule's run: closed records last changed longer ago than RETENTION_DAYS are
// erased through their own modules, in one transaction, audited as the counts per kind (no ids,
// nothing of the people); nothing when the period is 0. A run that erases nothing writes nothing.
import type { PrivacyContext } from '../privacy.context.ts';
import { RECORD_KINDS } from '../privacy.schemas.ts';
import { type RecordCounts, retentionCutoff, totalOf } from './privacy-rules.ts';

export async function eraseExpiredRecords(
  ctx: Pick<PrivacyContext, 'db' | 'audit' | 'clock' | 'records' | 'retentionDays'>,
): Promise<{ counts: RecordCounts; before: string } | { kept: true }> {
  const before = retentionCutoff(ctx.clock.now(), ctx.retentionDays);
  if (!before) return { kept: true };
  const counts = await ctx.db.transaction(async (tx) => {
    const done = {} as RecordCounts;
    for (const kind of RECORD_KINDS) done[kind] = await ctx.records[kind].eraseClosed({ before, tx });
    if (totalOf(done) > 0) {
      await ctx.audit.record(tx, {
        action: 'privacy.retention_erased',
        entity: 'person',
        changes: { counts: done, retention_days: ctx.retentionDays, before: before.toISOString() },
      });
    }
    return done;
  });
  return { counts, before: before.toISOString() };
}
