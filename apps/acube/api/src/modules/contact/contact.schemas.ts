import { type Static, Type } from 'typebox';
import { contactStatuses } from '../../db/schema/submissions.ts';
import { listFilter, listPage, listQuery } from '../listing/index.ts';
import { CONTACT_SORTABLE } from './contact.repository.ts';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const ContactBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  subject: Type.String({ maxLength: 200, default: '' }),
  message: Type.String({ minLength: 1, maxLength: 5000 }),
});
export type ContactBody = Static<typeof ContactBody>;

export { SubmissionAck } from '../submissions/index.ts';

export const ContactStatus = literals(contactStatuses);

/** The admin list's filter (also a bulk operation's and an export's). */
export const ContactFilter = listFilter(contactStatuses, {});

export const ListContactQuery = listQuery({
  statuses: contactStatuses,
  sortable: CONTACT_SORTABLE,
  defaultSort: '-created_at',
  extra: {},
});

export const AdminContactMessage = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.String(),
  name: Type.String(),
  email: Type.String(),
  subject: Type.String(),
  message: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const ContactPage = listPage(AdminContactMessage);

export const ContactParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ContactStatusBody = Type.Object({ status: ContactStatus });
