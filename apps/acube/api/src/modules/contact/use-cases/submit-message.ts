// A contact message from the public, through the shared submission flow: trimmed, the address
// in lower case, acknowledged by mail with the name and the reference only.
import type { AuditEntry } from '@campus/platform/audit';
import type { PublicFormMail } from '../../abuse/index.ts';
import { submitForm } from '../../submissions/index.ts';
import type { ContactContext } from '../contact.context.ts';
import { contactReceived } from '../contact.mail.ts';
import type { ContactBody } from '../contact.schemas.ts';

/** The columns to store, and what makes two messages the same (address first). */
export function messageFromBody(body: ContactBody) {
  const { name, email, subject, message } = body;
  return {
    values: {
      name: name.trim(),
      email: email.trim().toLowerCase(),
      subject: subject.trim(),
      message: message.trim(),
    },
    sameIf: [email, name, email, subject, message] as [string, ...string[]],
  };
}

export function submitMessage(
  ctx: ContactContext & PublicFormMail,
  input: { body: ContactBody; who: Pick<AuditEntry, 'ip' | 'requestId'> },
) {
  const { values, sameIf } = messageFromBody(input.body);
  return submitForm(ctx, {
    entity: 'contact_message',
    referencePrefix: 'C',
    sameIf,
    values,
    store: ctx.repo,
    acknowledge: (row) => ({
      template: contactReceived,
      to: row.email,
      values: { name: row.name, reference: row.reference },
    }),
    who: input.who,
  });
}
