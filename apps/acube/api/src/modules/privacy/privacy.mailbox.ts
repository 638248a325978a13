// The mails of one address, through the platform's mailer: those still queued (its mail jobs) and
// those kept (its .eml files), listed for the person's export and forgotten on their erasure.
import type { Mailer } from '@campus/platform/mail';
import type { Mailbox } from './privacy.context.ts';

/** What a person's data request needs of the platform's mailer. */
type RecipientMailer = Mailer & {
  recipientMails(address: string): Promise<Record<string, unknown>[]>;
  forgetRecipient(address: string): Promise<{ jobs: number; files: number }>;
};

export function mailboxOf(mail: Mailer): Mailbox {
  const m = mail as RecipientMailer;
  return {
    find: (address) => m.recipientMails(address),
    forget: (address) => m.forgetRecipient(address),
  };
}
