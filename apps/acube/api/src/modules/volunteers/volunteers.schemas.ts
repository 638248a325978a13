import { type Static, Type } from 'typebox';
import { volunteerStatuses } from '../../db/schema/submissions.ts';

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

export const ListVolunteersQuery = Type.Object({
  status: Type.Optional(VolunteerStatus),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  before: Type.Optional(Type.String({ format: 'date-time' })),
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

export const VolunteerPage = Type.Object({
  items: Type.Array(AdminVolunteer),
  next_before: Type.Union([Type.String(), Type.Null()]),
});

export const VolunteerParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const VolunteerStatusBody = Type.Object({ status: VolunteerStatus });
