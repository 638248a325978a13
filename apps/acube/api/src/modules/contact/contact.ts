// POST /api/contact (public), GET and PATCH /api/contact/{id}/status (admins).
import { Type } from 'typebox';
import { contactMessages, contactStatuses } from '../../db/schema/submissions.ts';
import { contactReceived } from '../shared/submissions.mail.ts';
import type { SubmissionsOptions } from '../shared/submissions.routes.ts';

export const ContactBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  subject: Type.String({ maxLength: 200, default: '' }),
  message: Type.String({ minLength: 1, maxLength: 5000 }),
});

export const contact = (deps: Pick<SubmissionsOptions, 'audit' | 'clock'>): SubmissionsOptions => ({
  ...deps,
  entity: 'contact_message',
  tag: 'contact',
  referencePrefix: 'C',
  table: contactMessages,
  body: ContactBody,
  fields: { name: 'name', email: 'email', subject: 'subject', message: 'message' },
  statuses: contactStatuses,
  ack: contactReceived,
});
