// POST /api/volunteers (public), GET and PATCH /api/volunteers/{id}/status (admins).
import { Type } from 'typebox';
import { volunteerApplications, volunteerStatuses } from '../../db/schema/submissions.ts';
import { volunteerReceived } from '../shared/submissions.mail.ts';
import type { SubmissionsOptions } from '../shared/submissions.routes.ts';

export const VolunteerBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.String({ maxLength: 40, default: '' }),
  availability: Type.String({ maxLength: 500, default: '' }),
  message: Type.String({ maxLength: 5000, default: '' }),
});

export const volunteers = (deps: Pick<SubmissionsOptions, 'audit' | 'clock'>): SubmissionsOptions => ({
  ...deps,
  entity: 'volunteer_application',
  tag: 'volunteers',
  referencePrefix: 'V',
  table: volunteerApplications,
  body: VolunteerBody,
  fields: { name: 'name', email: 'email', phone: 'phone', availability: 'availability', message: 'message' },
  statuses: volunteerStatuses,
  ack: volunteerReceived,
});
