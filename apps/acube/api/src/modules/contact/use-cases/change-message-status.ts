// Staff move a contact message along (new, read, replied, archived); audited.
import type { AuditEntry } from '@campus/platform/audit';
import { changeSubmissionStatus } from '../../submissions/index.ts';
import type { ContactContext } from '../contact.context.ts';
import type { ContactStatus } from '../contact.repository.ts';

export function changeMessageStatus(
  ctx: ContactContext,
  input: { id: string; status: ContactStatus; who: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'> },
) {
  return changeSubmissionStatus(ctx, {
    entity: 'contact_message',
    label: 'contact message',
    store: ctx.repo,
    ...input,
  });
}
