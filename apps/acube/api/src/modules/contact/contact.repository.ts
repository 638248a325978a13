// Contact messages in the database: the queries every submission table has, on this table,
// with the columns its admin list searches and sorts. No HTTP, no access rules.
import type { Db } from '@campus/platform/db';
import { type contactStatuses, contactMessages as t } from '../../db/schema/submissions.ts';
import type { ListColumns } from '../listing/index.ts';
import { createSubmissionRepository } from '../submissions/index.ts';

export type ContactRow = typeof t.$inferSelect;
export type NewContactMessage = typeof t.$inferInsert;
export type ContactStatus = (typeof contactStatuses)[number];

export const CONTACT_LIST: ListColumns = {
  id: t.id,
  createdAt: t.createdAt,
  status: t.status,
  text: [t.name, t.email, t.reference, t.subject],
  sortable: {
    created_at: { column: t.createdAt, key: 'createdAt' },
    updated_at: { column: t.updatedAt, key: 'updatedAt' },
    reference: { column: t.reference, key: 'reference' },
    name: { column: t.name, key: 'name' },
    email: { column: t.email, key: 'email' },
    subject: { column: t.subject, key: 'subject' },
    status: { column: t.status, key: 'status' },
  },
};
export const CONTACT_SORTABLE = Object.keys(CONTACT_LIST.sortable);

export function createContactRepository(db: () => Db) {
  return createSubmissionRepository(db, t, CONTACT_LIST, 'contact message');
}

export type ContactRepository = ReturnType<typeof createContactRepository>;
