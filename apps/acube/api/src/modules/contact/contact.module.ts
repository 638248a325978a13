// Contact as one module: its mail template, its repository and use-case context built once,
// its routes under the prefix it is registered with (/api/contact). Bulk operations and exports
// reach its table through the two adapters below.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { FastifyPluginAsync } from 'fastify';
import { contactStatuses } from '../../db/schema/submissions.ts';
import { checkFilter, type ListFilter, listExportQuery, listSource } from '../listing/index.ts';
import { type BulkEditable, bulkEditable } from '../submissions/index.ts';
import { contactReceived } from './contact.mail.ts';
import { contactReply } from './contact.reply.mail.ts';
import { contactReplyRoutes } from './contact.reply.routes.ts';
import {
  CONTACT_LIST,
  CONTACT_SORTABLE,
  type ContactRow,
  createContactRepository,
} from './contact.repository.ts';
import { contactRoutes } from './contact.routes.ts';
import { ContactFilter } from './contact.schemas.ts';

export const contactModule: FastifyPluginAsync<{
  audit: AuditLog;
  clock: Clock;
  timeZone: string;
}> = async (app, opts) => {
  app.mail.template(contactReceived);
  app.mail.template(contactReply);
  const ctx = {
    db: app.db,
    repo: createContactRepository(() => app.db),
    audit: opts.audit,
    clock: opts.clock,
    mail: app.mail,
    log: app.log,
    timeZone: opts.timeZone,
  };
  await app.register(contactRoutes, { ctx });
  await app.register(contactReplyRoutes, { ctx });
};

/** Contact messages as a bulk operation changes them: in its transaction, audited as bulk changes. */
export function contactForBulk(deps: {
  db: () => Db;
  audit: AuditLog;
  clock: Clock;
  timeZone: string;
}): BulkEditable {
  const store = createContactRepository(deps.db);
  return bulkEditable(deps, {
    entity: 'contact_message',
    statuses: contactStatuses,
    store,
    matching: {
      count: (filter) => store.countMatching(checkFilter(ContactFilter, filter), deps.timeZone),
      ids: (filter, max) => store.idsMatching(checkFilter(ContactFilter, filter), deps.timeZone, max),
    },
  });
}

/** The contact messages a list query matches, in its sort, a batch at a time: what the CSV export reads. */
export function contactForExport(db: () => Db, timeZone: string) {
  const repo = createContactRepository(db);
  return listSource<ContactRow, ListFilter & { sort?: string }>({
    query: listExportQuery(ContactFilter, CONTACT_SORTABLE, '-created_at'),
    columns: CONTACT_LIST,
    defaultSort: '-created_at',
    read: (query, after, limit) => repo.findMatchingAfter(query, timeZone, after, limit),
  });
}
