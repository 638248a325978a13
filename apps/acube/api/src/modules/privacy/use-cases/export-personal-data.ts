// Everything held about a person, by e-mail address, as one JSON document: each kind of record
// with every column that is the person's (free text and appointments included; private-link hashes
// left out), and the mails queued for or kept of the address. For one person it is small, so it
// is answered directly and stored nowhere (a stored copy would be one more to erase). Audited as
// the counts per kind: the address itself is not kept in the audit log.
import type { Actor, PrivacyContext } from '../privacy.context.ts';
import type { PersonExport } from '../privacy.schemas.ts';

export async function exportPersonalData(
  ctx: Pick<PrivacyContext, 'db' | 'audit' | 'clock' | 'records' | 'mailbox'>,
  input: { email: string; who: Actor },
): Promise<PersonExport> {
  const { email } = input;
  const doc: PersonExport = {
    format: 'acube-personal-data/1',
    email,
    generated_at: ctx.clock.now().toISOString(),
    bookings: await ctx.records.bookings.find(email),
    registrations: await ctx.records.registrations.find(email),
    volunteer_applications: await ctx.records.volunteer_applications.find(email),
    contact_messages: await ctx.records.contact_messages.find(email),
    mails: await ctx.mailbox.find(email),
  };
  await ctx.audit.record(ctx.db, {
    ...input.who,
    action: 'privacy.exported',
    entity: 'person',
    changes: {
      counts: {
        bookings: doc.bookings.length,
        registrations: doc.registrations.length,
        volunteer_applications: doc.volunteer_applications.length,
        contact_messages: doc.contact_messages.length,
        mails: doc.mails.length,
      },
    },
  });
  return doc;
}
