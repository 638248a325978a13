// The mails of one address, through the platform's mailer: those still queued or kept (its mail
// jobs, with the .eml files they were written as), listed for the person's export, and forgotten
// on their erasure. The mailer finds them by a keyed hash of the address, never the address.
import type { Mailer } from '@campus/platform/mail';
import type { Mailbox } from './privacy.context.ts';

export function mailboxOf(mail: Pick<Mailer, 'recipientMails' | 'forgetRecipient'>): Mailbox {
  return {
    find: async (address) =>
      (await mail.recipientMails(address)).map((m) => ({
        id: m.id,
        template: m.template,
        state: m.state,
        queued_at: m.queuedAt,
        values: m.values,
        message: m.message,
      })),
    forget: (address) => mail.forgetRecipient(address),
  };
}
