// Staff answer a contact message by mail: the message becomes `replied`, the answer is queued as
// a mail and the reply audited (who, when, how long; never the text) in one transaction. The text
// goes only into the mail: not into a log line, the audit log or the message's row.
import type { AuditEntry } from '@campus/platform/audit';
import { notFound } from '@campus/platform/errors';
import type { ContactContext } from '../contact.context.ts';
import { contactReply } from '../contact.reply.mail.ts';
import type { ContactRow } from '../contact.repository.ts';

export async function replyToMessage(
  ctx: Pick<ContactContext, 'db' | 'repo' | 'audit' | 'mail' | 'clock' | 'log'>,
  input: { id: string; body: string; who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> },
): Promise<{ row: ContactRow; repliedAt: Date }> {
  const repliedAt = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const before = await ctx.repo.getById(input.id, tx);
    if (!before) throw notFound('Contact message');
    const row = await ctx.repo.setStatus(input.id, 'replied', repliedAt, tx);
    if (!row) throw notFound('Contact message');
    await ctx.audit.record(tx, {
      ...input.who,
      action: 'contact.replied',
      entity: 'contact_message',
      entityId: row.id,
      changes: {
        ...(before.status !== 'replied' ? { status: { from: before.status, to: 'replied' } } : {}),
        characters: input.body.length,
      },
    });
    await ctx.mail.send(
      contactReply,
      row.email,
      { name: row.name, reference: row.reference, subject: row.subject, body: input.body.trim() },
      { tx },
    );
    return row;
  });
  ctx.log.info(
    { event: 'contact.replied', messageId: row.id, by: input.who.actorId },
    'contact message answered',
  );
  return { row, repliedAt };
}
