// Volunteer applications in the database: the queries every submission table has, on this
// table, with the columns its admin list searches and sorts. No HTTP, no access rules.
import type { Db } from '@campus/platform/db';
import { volunteerApplications as t, type volunteerStatuses } from '../../db/schema/submissions.ts';
import type { ListColumns } from '../listing/index.ts';
import { createSubmissionRepository } from '../submissions/index.ts';

export type VolunteerRow = typeof t.$inferSelect;
export type NewVolunteer = typeof t.$inferInsert;
export type VolunteerStatus = (typeof volunteerStatuses)[number];

export const VOLUNTEER_LIST: ListColumns = {
  id: t.id,
  createdAt: t.createdAt,
  status: t.status,
  text: [t.name, t.email, t.reference],
  sortable: {
    created_at: { column: t.createdAt, key: 'createdAt' },
    updated_at: { column: t.updatedAt, key: 'updatedAt' },
    reference: { column: t.reference, key: 'reference' },
    name: { column: t.name, key: 'name' },
    email: { column: t.email, key: 'email' },
    status: { column: t.status, key: 'status' },
  },
};
export const VOLUNTEER_SORTABLE = Object.keys(VOLUNTEER_LIST.sortable);

export function createVolunteersRepository(db: () => Db) {
  return createSubmissionRepository(db, t, VOLUNTEER_LIST, 'volunteer application');
}

export type VolunteersRepository = ReturnType<typeof createVolunteersRepository>;
