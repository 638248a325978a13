import { type Static, Type } from 'typebox';
import { volunteerStatuses } from '../../db/schema/submissions.ts';
import { listFilter, listPage, listQuery } from '../listing/index.ts';
import { VOLUNTEER_SORTABLE } from './volunteers.repository.ts';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const VolunteerBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.String({ maxLength: 40, default: '' }),
  availability: Type.String({ maxLength: 500, default: '' }),
  message: Type.String({ maxLength: 5000, default: '' }),
});
export type VolunteerBody = Static<typeof VolunteerBody>;

export { SubmissionAck } from '../submissions/index.ts';

export const VolunteerStatus = literals(volunteerStatuses);

/** The admin list's filter (also a bulk operation's and an export's). */
export const VolunteerFilter = listFilter(volunteerStatuses, {});

export const ListVolunteersQuery = listQuery({
  statuses: volunteerStatuses,
  sortable: VOLUNTEER_SORTABLE,
  defaultSort: '-created_at',
  extra: {},
});

export const AdminVolunteer = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.String(),
  name: Type.String(),
  email: Type.String(),
  phone: Type.String(),
  availability: Type.String(),
  message: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const VolunteerPage = listPage(AdminVolunteer);

export const VolunteerParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const VolunteerStatusBody = Type.Object({ status: VolunteerStatus });
