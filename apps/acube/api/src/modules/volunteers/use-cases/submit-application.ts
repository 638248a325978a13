// A volunteer application from the public, through the shared submission flow: trimmed, the
// address in lower case, acknowledged by mail with the name and the reference only.
import type { AuditEntry } from '@campus/platform/audit';
import type { PublicFormMail } from '../../abuse/index.ts';
import { submitForm } from '../../submissions/index.ts';
import type { VolunteersContext } from '../volunteers.context.ts';
import { volunteerReceived } from '../volunteers.mail.ts';
import type { VolunteerBody } from '../volunteers.schemas.ts';

/** The columns to store, and what makes two applications the same (address first). */
export function applicationFromBody(body: VolunteerBody) {
  const { name, email, phone, availability, message } = body;
  return {
    values: {
      name: name.trim(),
      email: email.trim().toLowerCase(),
      phone: phone.trim(),
      availability: availability.trim(),
      message: message.trim(),
    },
    sameIf: [email, name, email, phone, availability, message] as [string, ...string[]],
  };
}

export function submitApplication(
  ctx: VolunteersContext & PublicFormMail,
  input: { body: VolunteerBody; who: Pick<AuditEntry, 'ip' | 'requestId'> },
) {
  const { values, sameIf } = applicationFromBody(input.body);
  return submitForm(ctx, {
    entity: 'volunteer_application',
    referencePrefix: 'V',
    sameIf,
    values,
    store: ctx.repo,
    acknowledge: (row) => ({
      template: volunteerReceived,
      to: row.email,
      values: { name: row.name, reference: row.reference },
    }),
    who: input.who,
  });
}
