// Volunteers as one module: its mail template, its repository and use-case context built once,
// its routes under the prefix it is registered with (/api/volunteers). Bulk operations and
// exports reach its table through the two adapters below.
import type { AuditLog } from '@campus/platform/audit';
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { FastifyPluginAsync } from 'fastify';
import { volunteerStatuses } from '../../db/schema/submissions.ts';
import { checkFilter, type ListFilter, listExportQuery, listSource } from '../listing/index.ts';
import { type BulkEditable, bulkEditable } from '../submissions/index.ts';
import { volunteerReceived } from './volunteers.mail.ts';
import {
  createVolunteersRepository,
  VOLUNTEER_LIST,
  VOLUNTEER_SORTABLE,
  type VolunteerRow,
} from './volunteers.repository.ts';
import { volunteersRoutes } from './volunteers.routes.ts';
import { VolunteerFilter } from './volunteers.schemas.ts';

export const volunteersModule: FastifyPluginAsync<{
  audit: AuditLog;
  clock: Clock;
  timeZone: string;
}> = async (app, opts) => {
  app.mail.template(volunteerReceived);
  const ctx = {
    db: app.db,
    repo: createVolunteersRepository(() => app.db),
    audit: opts.audit,
    clock: opts.clock,
    mail: app.mail,
    log: app.log,
    timeZone: opts.timeZone,
  };
  await app.register(volunteersRoutes, { ctx });
};

/** Volunteer applications as a bulk operation changes them: in its transaction, audited as bulk changes. */
export function volunteersForBulk(deps: {
  db: () => Db;
  audit: AuditLog;
  clock: Clock;
  timeZone: string;
}): BulkEditable {
  const store = createVolunteersRepository(deps.db);
  return bulkEditable(deps, {
    entity: 'volunteer_application',
    statuses: volunteerStatuses,
    store,
    matching: {
      count: (filter) => store.countMatching(checkFilter(VolunteerFilter, filter), deps.timeZone),
      ids: (filter, max) => store.idsMatching(checkFilter(VolunteerFilter, filter), deps.timeZone, max),
    },
  });
}

/** The volunteer applications a list query matches, in its sort, a batch at a time: what the CSV export reads. */
export function volunteersForExport(db: () => Db, timeZone: string) {
  const repo = createVolunteersRepository(db);
  return listSource<VolunteerRow, ListFilter & { sort?: string }>({
    query: listExportQuery(VolunteerFilter, VOLUNTEER_SORTABLE, '-created_at'),
    columns: VOLUNTEER_LIST,
    defaultSort: '-created_at',
    read: (query, after, limit) => repo.findMatchingAfter(query, timeZone, after, limit),
  });
}
