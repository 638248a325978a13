// A person's erasure, by e-mail address (GDPR Art. 17, KVKK Art. 7): every record of each kind is
// deleted through its own module in one transaction, which goes ahead only if the counts are the
// ones the admin confirmed (a 409 with the new counts otherwise, and nothing is deleted). A freed
// place of an event to come promotes the waiting list, as a cancellation would. The audit log
// keeps that it happened (who, when, how many of each kind), never the address. Then the mails
// queued for or kept of the address (the platform's mail jobs and .eml files) are forgotten, and
// that is audited too (counts only): after the commit, because the mailer works outside it.
import type { Actor, PrivacyContext } from '../privacy.context.ts';
import { type EraseResponse, RECORD_KINDS } from '../privacy.schemas.ts';
import { checkConfirmed, type RecordCounts, totalOf } from './privacy-rules.ts';

export async function erasePersonalData(
  ctx: Pick<PrivacyContext, 'db' | 'audit' | 'clock' | 'records' | 'mailbox'>,
  input: { email: string; expected: RecordCounts; who: Actor },
): Promise<EraseResponse> {
  const { email, who } = input;
  const now = ctx.clock.now();
  const erased = await ctx.db.transaction(async (tx) => {
    const done = {} as RecordCounts;
    for (const kind of RECORD_KINDS) done[kind] = await ctx.records[kind].erase({ email, tx, who, now });
    // Counted as deleted, under the transaction: anything new since the admin looked rolls it back.
    checkConfirmed(input.expected, done);
    await ctx.audit.record(tx, {
      ...who,
      action: 'privacy.erased',
      entity: 'person',
      changes: { counts: done },
    });
    return done;
  });
  const mails = await ctx.mailbox.forget(email);
  await ctx.audit.record(ctx.db, {
    ...who,
    action: 'privacy.mails_erased',
    entity: 'person',
    changes: { jobs: mails.jobs, files: mails.files },
  });
  const counts = { ...erased, mails: mails.jobs };
  return { erased: counts, files: mails.files, total: totalOf(counts) };
}
